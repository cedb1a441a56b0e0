//! The answers to the system-profile questions, and their JSON form.
//!
//! The file format is a JSON object keyed by question id: yes/no questions
//! take `true`, `false` or `null` (null or absent means unknown), a components
//! question takes an array of component ids:
//!
//! ```json
//! {"rag": true, "trains": false, "genai": null, "hosted": ["model"]}
//! ```

use super::catalog::{Catalog, QuestionKind};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// A three-valued answer; Kleene logic over these decides applicability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Tri {
    Yes,
    No,
    #[default]
    Unknown,
}

impl Tri {
    pub fn from_bool(b: bool) -> Tri {
        if b {
            Tri::Yes
        } else {
            Tri::No
        }
    }

    pub fn negate(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Tri::Yes => "yes",
            Tri::No => "no",
            Tri::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Given {
    YesNo(bool),
    Components(Vec<String>),
}

/// The user's answers, validated against one catalog edition.
///
/// Unknown is represented by absence, so an empty `Answers` means "nothing
/// answered yet".
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Answers {
    values: BTreeMap<String, Given>,
}

impl Answers {
    /// The answer to a yes/no question as given, before dependencies apply.
    pub fn get(&self, id: &str) -> Tri {
        match self.values.get(id) {
            Some(Given::YesNo(b)) => Tri::from_bool(*b),
            _ => Tri::Unknown,
        }
    }

    /// Sets a yes/no answer; `Tri::Unknown` clears it.
    pub fn set(&mut self, id: &str, value: Tri) {
        match value {
            Tri::Unknown => {
                self.values.remove(id);
            }
            Tri::Yes | Tri::No => {
                self.values
                    .insert(id.to_string(), Given::YesNo(value == Tri::Yes));
            }
        }
    }

    /// The components picked for a components question, in catalog order.
    pub fn components(&self, id: &str) -> &[String] {
        match self.values.get(id) {
            Some(Given::Components(c)) => c,
            _ => &[],
        }
    }

    /// Picks or unpicks one component, keeping the catalog's order.
    pub fn toggle_component(&mut self, catalog: &Catalog, id: &str, component: &str, on: bool) {
        let Some((_, q)) = catalog.question(id) else {
            return;
        };
        let QuestionKind::Components(choices) = q.kind else {
            return;
        };
        let mut picked: Vec<String> = self.components(id).to_vec();
        picked.retain(|c| c != component);
        if on {
            picked.push(component.to_string());
        }
        let ordered: Vec<String> = choices
            .iter()
            .filter(|c| picked.iter().any(|p| p == c.id))
            .map(|c| c.id.to_string())
            .collect();
        self.values
            .insert(id.to_string(), Given::Components(ordered));
    }

    /// The effective value of every question, by index: a dependent question
    /// counts as "no" while its parent is "no". Each entry also names the
    /// question whose answer decided it, which explanations cite.
    pub fn effective(&self, catalog: &Catalog) -> Vec<(Tri, usize)> {
        let mut out: Vec<(Tri, usize)> = Vec::with_capacity(catalog.questions.len());
        for (i, q) in catalog.questions.iter().enumerate() {
            let own = (self.get(q.id), i);
            let value = match q.depends_on.map(|p| out[p]) {
                Some(parent @ (Tri::No, _)) => parent,
                _ => own,
            };
            out.push(value);
        }
        out
    }

    /// Whether a question is shown: a dependent question is hidden while its
    /// parent effectively is "no".
    pub fn is_visible(&self, catalog: &Catalog, index: usize) -> bool {
        match catalog.questions[index].depends_on {
            None => true,
            Some(p) => self.effective(catalog)[p].0 != Tri::No,
        }
    }

    pub fn to_json_value(&self) -> Value {
        // Extended, not collected: collecting into a map sorts first, and the
        // sort costs about 4 KB of wasm.
        let mut map = Map::new();
        map.extend(self.values.iter().map(|(k, v)| {
            let v = match v {
                Given::YesNo(b) => Value::Bool(*b),
                Given::Components(c) => {
                    Value::Array(c.iter().cloned().map(Value::String).collect())
                }
            };
            (k.clone(), v)
        }));
        Value::Object(map)
    }

    pub fn to_json(&self) -> String {
        self.to_json_value().to_string()
    }

    /// Parses an answers file.
    pub fn from_json(catalog: &Catalog, text: &str) -> Result<Answers, AnswersError> {
        if text.trim().is_empty() {
            return Err(AnswersError::Syntax {
                line: 1,
                column: 1,
                message: "the input is empty; expected a JSON object".into(),
            });
        }
        let value: Value = serde_json::from_str(text).map_err(|e| {
            let (line, column) = friendly_position(text, e.line(), e.column());
            AnswersError::Syntax {
                line,
                column,
                message: syntax_message(&e),
            }
        })?;
        Answers::from_json_value(catalog, &value)
    }

    /// Validates an already parsed JSON value as answers.
    pub fn from_json_value(catalog: &Catalog, value: &Value) -> Result<Answers, AnswersError> {
        let Value::Object(map) = value else {
            return Err(AnswersError::NotAnObject {
                found: type_name(value),
            });
        };
        let mut answers = Answers::default();
        for (key, v) in map {
            let Some((_, q)) = catalog.question(key) else {
                return Err(AnswersError::UnknownKey {
                    key: key.clone(),
                    known: catalog.questions.iter().map(|q| q.id).collect(),
                });
            };
            match (&q.kind, v) {
                (_, Value::Null) => {}
                (QuestionKind::YesNo, Value::Bool(b)) => {
                    answers.values.insert(key.clone(), Given::YesNo(*b));
                }
                (QuestionKind::YesNo, other) => {
                    return Err(AnswersError::WrongType {
                        key: key.clone(),
                        expected: "true, false or null",
                        found: type_name(other),
                    })
                }
                (QuestionKind::Components(choices), Value::Array(items)) => {
                    for item in items {
                        let Value::String(s) = item else {
                            return Err(AnswersError::WrongType {
                                key: key.clone(),
                                expected: "an array of component names",
                                found: format!("an array holding {}", type_name(item)),
                            });
                        };
                        if !choices.iter().any(|c| c.id == s) {
                            return Err(AnswersError::UnknownComponent {
                                key: key.clone(),
                                component: s.clone(),
                                known: choices.iter().map(|c| c.id).collect(),
                            });
                        }
                        answers.toggle_component(catalog, key, s, true);
                    }
                    if items.is_empty() {
                        answers
                            .values
                            .insert(key.clone(), Given::Components(Vec::new()));
                    }
                }
                (QuestionKind::Components(_), other) => {
                    return Err(AnswersError::WrongType {
                        key: key.clone(),
                        expected: "an array of component names",
                        found: type_name(other),
                    })
                }
            }
        }
        Ok(answers)
    }
}

/// serde_json reports an error found at a line break as column 0 of the next
/// line; people look for it at the end of the line before.
fn friendly_position(text: &str, line: usize, column: usize) -> (usize, usize) {
    if column > 0 || line <= 1 {
        return (line, column.max(1));
    }
    let previous = text.lines().nth(line - 2).unwrap_or_default();
    (line - 1, previous.chars().count().max(1))
}

fn syntax_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; we report those separately.
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_string(),
        None => full,
    }
}

fn type_name(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Why an answers file was refused. Each renders as one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswersError {
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    NotAnObject {
        found: String,
    },
    UnknownKey {
        key: String,
        known: Vec<&'static str>,
    },
    WrongType {
        key: String,
        expected: &'static str,
        found: String,
    },
    UnknownComponent {
        key: String,
        component: String,
        known: Vec<&'static str>,
    },
}

impl fmt::Display for AnswersError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswersError::Syntax {
                line,
                column,
                message,
            } => write!(f, "invalid JSON at line {line}, column {column}: {message}"),
            AnswersError::NotAnObject { found } => write!(
                f,
                "expected a JSON object keyed by question id, found {found}"
            ),
            AnswersError::UnknownKey { key, known } => write!(
                f,
                "unknown question {key:?}; the questions are: {}",
                known.join(", ")
            ),
            AnswersError::WrongType {
                key,
                expected,
                found,
            } => write!(f, "{key:?} must be {expected}, found {found}"),
            AnswersError::UnknownComponent {
                key,
                component,
                known,
            } => write!(
                f,
                "{key:?}: unknown component {component:?}; the components are: {}",
                known.join(", ")
            ),
        }
    }
}

impl std::error::Error for AnswersError {}

/// Serialised as the answers file format. Deserialising checks only the
/// shapes; [`Answers::validate`] checks the keys against a catalog.
impl serde::Serialize for Answers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json_value().serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Answers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let map = BTreeMap::<String, Value>::deserialize(deserializer)?;
        let mut values = BTreeMap::new();
        for (key, value) in map {
            match value {
                Value::Null => {}
                Value::Bool(b) => {
                    values.insert(key, Given::YesNo(b));
                }
                Value::Array(items) => {
                    let mut picked = Vec::with_capacity(items.len());
                    for item in items {
                        match item {
                            Value::String(s) => picked.push(s),
                            other => {
                                return Err(D::Error::custom(format!(
                                    "answer {key:?} holds {}, not a component name",
                                    type_name(&other)
                                )))
                            }
                        }
                    }
                    values.insert(key, Given::Components(picked));
                }
                other => {
                    return Err(D::Error::custom(format!(
                        "answer {key:?} must be true, false, null or an array, not {}",
                        type_name(&other)
                    )))
                }
            }
        }
        Ok(Answers { values })
    }
}

impl Answers {
    /// Checks every key and component against `catalog`.
    pub fn validate(&self, catalog: &Catalog) -> Result<(), AnswersError> {
        Answers::from_json_value(catalog, &self.to_json_value()).map(|_| ())
    }

    /// How many yes/no questions that are shown have an answer, of how many.
    pub fn answered(&self, catalog: &Catalog) -> (usize, usize) {
        let mut done = 0;
        let mut total = 0;
        for (i, q) in catalog.questions.iter().enumerate() {
            if matches!(q.kind, QuestionKind::YesNo) && self.is_visible(catalog, i) {
                total += 1;
                if self.get(q.id) != Tri::Unknown {
                    done += 1;
                }
            }
        }
        (done, total)
    }
}
