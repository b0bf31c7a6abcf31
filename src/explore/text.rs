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
        sometimes often usually lately mostly especially yes yeah okay ok um uh guess feel think know \
        since until ago now been was then yet year years month months week weeks old age grade grades \
        made let lets gonna gotta need needs someone something somebody";
    const ES: &str = "yo me mi mis conmigo tu tus te ti usted el ella ellos ellas nos nosotros nuestro nuestra su sus \
        lo la los las le les un una unos unas de del al a y e o u en con por para que muy mucho mucha muchos muchas \
        tambien solo como cuando donde quien cual porque algo alguna alguno todo toda todos todas cosa cosas \
        es soy eres somos son estoy esta estan estar ser era fue sido hay tengo tiene tienen hacer hago hace \
        gusta gustan gustaria gusto encanta encantan encantaria amo quiero quiere quisiera interesa \
        interesan mas bien super bastante trabajo carrera futuro dia siempre ya aqui alla eso esto esa ese \
        estos esas esos otro otra otros otras cada pues bueno buena mejor favorito favorita si se sé";
    EN.split_whitespace().chain(ES.split_whitespace()).chain(NO_SIGNAL.split_whitespace()).collect()
});

/// Queries that say the student does not know yet.
/// Words that say nothing about a career: "I don't know", fillers, chat slang, family and
/// friends, sleeping. Treated as stop words.
const NO_SIGNAL: &str = "idk dunno nothing nothin none whatever anything everything nada nose ninguno ninguna na nah \
    sea sean cualquier cualquiera lol lmao lmfao bruh omg tbh ngl fr lowkey highkey literally jaja jajaja jajajaja \
    xd xD pues osea onda sleep sleeping nap naps dormir hang hanging chill chilling relax relaxing friends friend \
    amigos amigas amigo amiga mom dad mama papa parents padres familia family mother father madre padre boring";

/// Words that turn their whole clause negative, wherever they stand: "school is boring".
const CLAUSE_NEGATORS: &[&str] =
    &["boring", "sucks", "suck", "aburrido", "aburrida", "aburre", "aburren", "fome", "hated"];

/// Every stop word of both languages.
pub fn stop_words() -> impl Iterator<Item = &'static str> {
    STOP_WORDS.iter().copied()
}

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(word)
}

/// True when the words say "I don't know", or nothing else a career could come from.
pub fn says_nothing(tokens: &[Token]) -> bool {
    tokens.iter().all(|t| t.stop)
}

/// Splits text into tokens, marking negated words and stop words.
pub fn tokenize(text: &str) -> Vec<Token> {
    let folded = fold(text);
    let mut tokens: Vec<Token> = Vec::new();
    // Clause of each token, and the clauses a clause negator ("boring") turned negative.
    let mut clauses: Vec<usize> = Vec::new();
    let mut negative_clauses: Vec<usize> = Vec::new();
    let mut clause = 0;
    let mut negated = false;
    let mut word = String::new();
    let mut flush = |word: &mut String, negated: &mut bool, clause: &mut usize, tokens: &mut Vec<Token>| {
        let clean: String = word.chars().filter(|c| *c != '\'').collect();
        word.clear();
        if clean.is_empty() {
            return;
        }
        if CLAUSE_WORDS.contains(&clean.as_str()) {
            *negated = false;
            *clause += 1;
        } else if NEGATORS.contains(&clean.as_str()) {
            *negated = true;
        } else if CLAUSE_NEGATORS.contains(&clean.as_str()) {
            negative_clauses.push(*clause);
        } else {
            let stop = is_stop_word(&clean);
            let position = tokens.len();
            tokens.push(Token { typed: clean.clone(), word: clean, position, negated: *negated, stop });
            clauses.push(*clause);
        }
    };
    for c in folded.chars() {
        if c.is_alphanumeric() || c == '\'' {
            word.push(c);
        } else {
            flush(&mut word, &mut negated, &mut clause, &mut tokens);
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '\n' | '¡' | '¿') {
                negated = false;
                clause += 1;
            }
        }
    }
    flush(&mut word, &mut negated, &mut clause, &mut tokens);
    for (token, clause) in tokens.iter_mut().zip(clauses) {
        if negative_clauses.contains(&clause) {
            token.negated = true;
        }
    }
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
    fn boring_negates_its_whole_clause() {
        let tokens = tokenize("school is boring, but art class is great");
        assert_eq!(words(&tokens), vec![("school", true), ("art", false), ("class", false)]);
    }

    #[test]
    fn hate_and_except_negate() {
        assert_eq!(words(&tokenize("I hate math")), vec![("math", true)]);
        assert_eq!(words(&tokenize("art except math")), vec![("art", false), ("math", true)]);
    }

    #[test]
    fn no_signal_queries_are_recognized() {
        assert!(says_nothing(&tokenize("idk")));
        assert!(says_nothing(&tokenize("I don't know")));
        assert!(says_nothing(&tokenize("no sé")));
        assert!(says_nothing(&tokenize("nothing really")));
        assert!(says_nothing(&tokenize("sleeping lol")));
        assert!(says_nothing(&tokenize("lo que sea")));
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
