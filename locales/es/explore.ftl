## Razones de cada resultado
reason-phrase-area = “{ $words }” → intereses de tipo { $area } → { $target }
reason-phrase-interest = “{ $words }” → intereses de tipo { $area }
reason-phrase = “{ $words }” → { $target }
reason-title = tus palabras coinciden con el puesto “{ $title }”
reason-words = tus palabras aparecen en lo que hacen: “{ $words }”
reason-activity = “{ $words }” se parece a “{ $activity }” (intereses de tipo { $area })
reason-interests = encaja con tus intereses de tipo { $areas }
reason-and = {" "}y{" "}
reason-includes = incluye { $names }
reason-disliked = dijiste que no te gusta “{ $words }”
reason-nothing = nada de lo que escribiste apunta aquí todavía
