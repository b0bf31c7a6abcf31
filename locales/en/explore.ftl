## Reasons a match is shown
reason-phrase-area = “{ $words }” → { $area } interests → { $target }
reason-phrase-interest = “{ $words }” → { $area } interests
reason-phrase = “{ $words }” → { $target }
reason-title = your words match the title “{ $title }”
reason-words = your words appear in what they do: “{ $words }”
reason-activity = “{ $words }” is like “{ $activity }” ({ $area } interests)
reason-interests = fits your { $areas } interests
reason-and = {" "}and{" "}
reason-includes = includes { $names }
reason-disliked = you said you don't like “{ $words }”
reason-nothing = nothing you wrote points here yet
