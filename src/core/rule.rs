//! The applicability-rule language of the catalog files, and its parser.
//!
//! This file is also compiled into `build.rs` (through `#[path]`), so the
//! build validates rules with exactly the parser the tests exercise. It must
//! therefore depend on nothing but `std`.
//!
//! Grammar (precedence: `not` > `and` > `or`):
//!
//! ```text
//! rule := "always" | "any child" | or
//! or   := and ("or" and)*
//! and  := not ("and" not)*
//! not  := "not" not | atom
//! atom := question-id | "(" or ")"
//! ```

use std::fmt;

/// A parsed rule, with question ids still spelled out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ast {
    /// Applies whatever the answers.
    Always,
    /// A group that applies when any of its child threats does.
    AnyChild,
    Question(String),
    Not(Box<Ast>),
    And(Vec<Ast>),
    Or(Vec<Ast>),
}

impl Ast {
    /// Every question id the rule mentions, in order of appearance.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Ast::Always | Ast::AnyChild => {}
            Ast::Question(q) => out.push(q),
            Ast::Not(inner) => inner.collect(out),
            Ast::And(items) | Ast::Or(items) => items.iter().for_each(|i| i.collect(out)),
        }
    }
}

/// Why a rule did not parse; `at` is a byte offset into the rule text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    pub at: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.at + 1)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token<'a> {
    Word(&'a str),
    Open,
    Close,
}

fn tokenize(text: &str) -> Result<Vec<(usize, Token<'_>)>, RuleError> {
    let mut tokens = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'(' {
            tokens.push((i, Token::Open));
            i += 1;
        } else if c == b')' {
            tokens.push((i, Token::Close));
            i += 1;
        } else if c.is_ascii_lowercase() || c == b'_' {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_lowercase() || bytes[i].is_ascii_digit() || bytes[i] == b'_')
            {
                i += 1;
            }
            tokens.push((start, Token::Word(&text[start..i])));
        } else {
            let ch = text[i..].chars().next().unwrap_or('?');
            return Err(RuleError {
                at: i,
                message: format!("unexpected character '{ch}'; use lower-case question ids, not, and, or, and parentheses"),
            });
        }
    }
    Ok(tokens)
}

struct Parser<'a> {
    tokens: Vec<(usize, Token<'a>)>,
    pos: usize,
    len: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&Token<'a>> {
        self.tokens.get(self.pos).map(|(_, t)| t)
    }

    fn offset(&self) -> usize {
        self.tokens.get(self.pos).map_or(self.len, |(at, _)| *at)
    }

    fn error(&self, message: impl Into<String>) -> RuleError {
        RuleError {
            at: self.offset(),
            message: message.into(),
        }
    }

    fn eat_word(&mut self, word: &str) -> bool {
        if self.peek() == Some(&Token::Word(word)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn or(&mut self) -> Result<Ast, RuleError> {
        let mut items = vec![self.and()?];
        while self.eat_word("or") {
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Ast::Or(items)
        })
    }

    fn and(&mut self) -> Result<Ast, RuleError> {
        let mut items = vec![self.not()?];
        while self.eat_word("and") {
            items.push(self.not()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Ast::And(items)
        })
    }

    fn not(&mut self) -> Result<Ast, RuleError> {
        if self.eat_word("not") {
            Ok(Ast::Not(Box::new(self.not()?)))
        } else {
            self.atom()
        }
    }

    fn atom(&mut self) -> Result<Ast, RuleError> {
        match self.peek().cloned() {
            Some(Token::Open) => {
                self.pos += 1;
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(self.error("expected ')'"));
                }
                self.pos += 1;
                Ok(inner)
            }
            Some(Token::Word(w)) if is_keyword(w) => {
                Err(self.error(format!("expected a question id, found the keyword '{w}'")))
            }
            Some(Token::Word(w)) => {
                self.pos += 1;
                Ok(Ast::Question(w.to_string()))
            }
            Some(Token::Close) => Err(self.error("unexpected ')'")),
            None => Err(self.error("the rule ends where a question id was expected")),
        }
    }
}

fn is_keyword(w: &str) -> bool {
    matches!(w, "not" | "and" | "or" | "always" | "any" | "child")
}

/// Parses a rule. Question ids are not checked here: the catalog loader
/// checks them against its questions.
pub fn parse(text: &str) -> Result<Ast, RuleError> {
    let trimmed: Vec<&str> = text.split_whitespace().collect();
    match trimmed.as_slice() {
        ["always"] => return Ok(Ast::Always),
        ["any", "child"] => return Ok(Ast::AnyChild),
        [] => {
            return Err(RuleError {
                at: 0,
                message: "the rule is empty; write 'always', 'any child' or an expression".into(),
            })
        }
        _ => {}
    }
    let mut parser = Parser {
        tokens: tokenize(text)?,
        pos: 0,
        len: text.len(),
    };
    let ast = parser.or()?;
    if parser.pos < parser.tokens.len() {
        return Err(parser.error("expected 'and', 'or' or the end of the rule"));
    }
    Ok(ast)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: &str) -> Ast {
        Ast::Question(id.into())
    }

    #[test]
    fn keywords_alone() {
        assert_eq!(parse("always"), Ok(Ast::Always));
        assert_eq!(parse("  any   child "), Ok(Ast::AnyChild));
    }

    #[test]
    fn precedence_is_not_then_and_then_or() {
        assert_eq!(
            parse("not a and b or c"),
            Ok(Ast::Or(vec![
                Ast::And(vec![Ast::Not(Box::new(q("a"))), q("b")]),
                q("c")
            ]))
        );
    }

    #[test]
    fn parentheses_group() {
        assert_eq!(
            parse("not genai and (trains or rag)"),
            Ok(Ast::And(vec![
                Ast::Not(Box::new(q("genai"))),
                Ast::Or(vec![q("trains"), q("rag")])
            ]))
        );
    }

    #[test]
    fn questions_lists_ids_in_order() {
        let ast = parse("(trains and train_data_sensitive) or (rag and rag_data_sensitive)")
            .expect("valid rule");
        assert_eq!(
            ast.questions(),
            [
                "trains",
                "train_data_sensitive",
                "rag",
                "rag_data_sensitive"
            ]
        );
    }

    #[test]
    fn errors_say_where_and_what() {
        let e = parse("trains and").expect_err("dangling and");
        assert_eq!(e.at, 10);
        assert!(e.message.contains("question id"), "{e}");

        let e = parse("(trains or rag").expect_err("unclosed");
        assert!(e.message.contains("')'"), "{e}");

        let e = parse("trains rag").expect_err("missing operator");
        assert_eq!(e.at, 7);

        let e = parse("Trains").expect_err("upper case");
        assert!(e.message.contains("unexpected character 'T'"), "{e}");

        let e = parse("trains and always").expect_err("keyword as id");
        assert!(e.message.contains("keyword 'always'"), "{e}");

        assert!(parse("   ").is_err());
        assert!(parse(")").is_err());
    }
}
