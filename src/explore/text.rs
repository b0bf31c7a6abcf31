//! Turning what a student typed into tokens: lower case without accents, clauses, negation
//! ("I don't like blood", "no me gusta la sangre"), stop words of both languages, and
//! Snowball stems in English and Spanish.

use std::collections::HashSet;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// One word of the query.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Lower case, accents removed, as typed (after any typo correction).
    pub word: String,
    /// What the student typed, lower case, for reasons.
    pub typed: String,
    pub position: usize,
    /// Inside the scope of a negation ("not", "hate", "no", "odio").
    pub negated: bool,
    /// A stop word carries no meaning of its own ("I", "like", "me", "gusta").
    pub stop: bool,
}

/// Lower case with the accents of Spanish, French and Portuguese letters removed.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            '’' | '‘' | '`' => '\'',
            other => other,
        })
        .collect()
}

/// Words that end a clause, and so a negation's scope.
const CLAUSE_WORDS: &[&str] = &["but", "although", "though", "however", "pero", "aunque", "sino"];

/// Words that negate what follows in their clause.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "dont", "doesnt", "didnt", "cant", "cannot", "wont", "isnt", "arent", "hate", "hates",
    "dislike", "dislikes", "avoid", "except", "without", "nor", "neither", "nunca", "jamas", "odio", "odia", "detesto",
    "ni", "sin", "tampoco", "excepto", "menos",
];

static STOP_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    const EN: &str = "i me my mine myself you your we our us they them their he she his her it its a an the to and or \
        of in on at for with about from by as into than then so too very really also just maybe probably kinda \
        like likes liked love loves loved enjoy enjoys enjoyed want wants wanted wanna would will can could should \
        be is am are was were been being do does did doing done have has had having get gets got go goes going \
        im ive id thing things stuff kind sort lot lots much many more most some any every all each other others \
        what when where which who whom why how that this these those there here if because while during \
        interested interest interests passionate fan favorite favourite good great best fun cool nice awesome \
        job jobs career careers someday future day days time times one ones way ways well still even always \
        sometimes often usually lately mostly especially yes yeah okay ok um uh guess feel think know";
    const ES: &str = "yo me mi mis conmigo tu tus te ti usted el ella ellos ellas nos nosotros nuestro nuestra su sus \
        lo la los las le les un una unos unas de del al a y e o u en con por para que muy mucho mucha muchos muchas \
        tambien solo como cuando donde quien cual porque algo alguna alguno todo toda todos todas cosa cosas \
        es soy eres somos son estoy esta estan estar ser era fue sido hay tengo tiene tienen hacer hago hace \
        gusta gustan gustaria gusto encanta encantan encantaria amo quiero quiere quisiera interesa \
        interesan mas bien super bastante trabajo carrera futuro dia siempre ya aqui alla eso esto esa ese \
        estos esas esos otro otra otros otras cada pues bueno buena mejor favorito favorita si se sé";
    EN.split_whitespace().chain(ES.split_whitespace()).collect()
});

/// Queries that say the student does not know yet.
const NO_SIGNAL: &[&str] =
    &["idk", "dunno", "nothing", "none", "whatever", "nada", "nose", "ninguno", "ninguna", "nothin", "na", "nah"];

/// Every stop word of both languages.
pub fn stop_words() -> impl Iterator<Item = &'static str> {
    STOP_WORDS.iter().copied()
}

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(word)
}

/// True when the words say "I don't know" and nothing else.
pub fn says_nothing(tokens: &[Token]) -> bool {
    tokens.iter().all(|t| {
        t.stop
            || NO_SIGNAL.contains(&t.word.as_str())
            || NEGATORS.contains(&t.word.as_str())
            || t.word == "know"
            || t.word == "se"
    })
}

/// Splits text into tokens, marking negated words and stop words.
pub fn tokenize(text: &str) -> Vec<Token> {
    let folded = fold(text);
    let mut tokens = Vec::new();
    let mut negated = false;
    let mut word = String::new();
    let mut position = 0;
    let mut flush = |word: &mut String, negated: &mut bool, tokens: &mut Vec<Token>| {
        if word.is_empty() {
            return;
        }
        let clean: String = word.chars().filter(|c| *c != '\'').collect();
        word.clear();
        if clean.is_empty() {
            return;
        }
        if CLAUSE_WORDS.contains(&clean.as_str()) {
            *negated = false;
            return;
        }
        if NEGATORS.contains(&clean.as_str()) {
            *negated = true;
            return;
        }
        let stop = is_stop_word(&clean);
        tokens.push(Token { typed: clean.clone(), word: clean, position, negated: *negated, stop });
        position += 1;
    };
    for c in folded.chars() {
        if c.is_alphanumeric() || c == '\'' {
            word.push(c);
        } else {
            flush(&mut word, &mut negated, &mut tokens);
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '\n' | '¡' | '¿') {
                negated = false;
            }
        }
    }
    flush(&mut word, &mut negated, &mut tokens);
    tokens
}

/// Snowball stemmers of both languages.
pub struct Stems {
    en: Stemmer,
    es: Stemmer,
}

impl Default for Stems {
    fn default() -> Self {
        Self { en: Stemmer::create(Algorithm::English), es: Stemmer::create(Algorithm::Spanish) }
    }
}

/// Words Snowball stems together although they mean different things: "anime" and
/// "animals" both become "anim", "engines" and "engineering" both "engin".
const STEM_EXCEPTIONS: &[(&str, &str)] = &[
    ("anime", "anime"),
    ("animes", "anime"),
    ("animal", "animal"),
    ("animals", "animal"),
    ("animales", "animal"),
    ("animation", "animat"),
    ("animations", "animat"),
    ("animator", "animat"),
    ("animators", "animat"),
    ("animated", "animat"),
    ("animacion", "animat"),
    ("engine", "engine"),
    ("engines", "engine"),
    ("engineer", "engineer"),
    ("engineers", "engineer"),
    ("engineering", "engineer"),
];

fn exception(word: &str) -> Option<String> {
    STEM_EXCEPTIONS.iter().find(|(w, _)| *w == word).map(|(_, stem)| stem.to_string())
}

impl Stems {
    pub fn en(&self, word: &str) -> String {
        exception(word).unwrap_or_else(|| self.en.stem(word).into_owned())
    }

    pub fn es(&self, word: &str) -> String {
        exception(word).unwrap_or_else(|| self.es.stem(word).into_owned())
    }
}

/// Content words of a phrase (no stop words), folded, for lexicon entries and documents.
pub fn content_words(text: &str) -> Vec<String> {
    tokenize(text).into_iter().filter(|t| !t.stop).map(|t| t.word).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(tokens: &[Token]) -> Vec<(&str, bool)> {
        tokens.iter().filter(|t| !t.stop).map(|t| (t.word.as_str(), t.negated)).collect()
    }

    #[test]
    fn accents_and_case_are_folded() {
        assert_eq!(fold("Música ÁRBOL Niño"), "musica arbol nino");
    }

    #[test]
    fn negation_lasts_to_the_end_of_the_clause() {
        let tokens = tokenize("I like helping people but I don't like blood, and I love art");
        assert_eq!(words(&tokens), vec![("helping", false), ("people", false), ("blood", true), ("art", false)]);
    }

    #[test]
    fn spanish_negation_is_recognized() {
        let tokens = tokenize("Me gusta arreglar carros pero no me gusta la sangre");
        assert_eq!(words(&tokens), vec![("arreglar", false), ("carros", false), ("sangre", true)]);
    }

    #[test]
    fn hate_and_except_negate() {
        assert_eq!(words(&tokenize("I hate math")), vec![("math", true)]);
        assert_eq!(words(&tokenize("everything except math")), vec![("everything", false), ("math", true)]);
    }

    #[test]
    fn no_signal_queries_are_recognized() {
        assert!(says_nothing(&tokenize("idk")));
        assert!(says_nothing(&tokenize("I don't know")));
        assert!(says_nothing(&tokenize("no sé")));
        assert!(says_nothing(&tokenize("nothing really")));
        assert!(!says_nothing(&tokenize("I like dogs")));
    }

    #[test]
    fn stems_keep_apart_words_snowball_would_join() {
        let stems = Stems::default();
        assert_ne!(stems.en("anime"), stems.en("animals"));
        assert_ne!(stems.en("engines"), stems.en("engineering"));
        assert_eq!(stems.en("engineer"), stems.en("engineering"));
    }

    #[test]
    fn stems_join_word_forms() {
        let stems = Stems::default();
        assert_eq!(stems.en("helping"), stems.en("helps"));
        assert_eq!(stems.es("enfermera"), stems.es("enfermeras"));
    }
}
