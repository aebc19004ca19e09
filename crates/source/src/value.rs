//! Values that remember where they came from.
//!
//! Invariant 3 of the design ("unknown never fires") lives here: a check asks a value for its
//! [`Value::candidates`], and an unknown value, a reference to another resource, or an unknown
//! part of a string simply yields no candidate to judge.

use crate::Span;

/// How a known value came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provenance {
    /// Written literally where it is used.
    Literal,
    /// The default of a Terraform variable or a CloudFormation parameter.
    Default,
    /// Computed from other known values (locals, functions, interpolation, tfvars).
    Derived,
    /// Not written at all: the service's own default applies (e.g. an EBS volume without
    /// `encrypted`). The span is then the header of the resource that lacks it.
    Omitted,
}

impl Provenance {
    /// Combining two provenances yields the weaker claim: literal+literal stays literal,
    /// anything else is derived.
    pub fn combine(self, other: Provenance) -> Provenance {
        if self == other {
            self
        } else {
            Provenance::Derived
        }
    }
}

/// A reference to another entity of the configuration: `aws_kms_key.main.arn`,
/// `!Ref MyKey`, `!GetAtt Key.Arn`. Its concrete value is not known before deployment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reference {
    /// The referenced entity: a Terraform address (`aws_kms_key.main`) or a logical id.
    pub target: String,
    /// The attribute read from it (`arn`, `Arn`), if any.
    pub attribute: Option<String>,
}

/// A piece of a partially known string (`!Sub "repo:${Org}/*"`, `"${var.x}-suffix"`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StrPart {
    Text(String),
    Unknown,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind<T> {
    Known(T, Provenance),
    /// No default, a data source, a computed attribute, an expression we do not evaluate.
    Unknown,
    /// A reference to another resource or parameter without a known value.
    Reference(Reference),
    /// A string of which some parts are known. Only produced for strings.
    Partial(Vec<StrPart>),
    /// CloudFormation `Fn::If` and Terraform `cond ? a : b` whose condition is not known:
    /// both branches are kept and judged.
    Conditional {
        condition: String,
        when_true: Box<Value<T>>,
        when_false: Box<Value<T>>,
    },
}

/// A value of type `T` with the span of its use site and, when it came through a variable,
/// local or parameter, the span where it was defined.
#[derive(Clone, Debug, PartialEq)]
pub struct Value<T> {
    pub kind: ValueKind<T>,
    pub span: Span,
    pub defined_at: Option<Span>,
}

/// One concrete possibility of a value, as a check sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate<'a, T> {
    pub value: &'a T,
    pub provenance: Provenance,
    pub span: Span,
    pub defined_at: Option<Span>,
    /// The conditions (outermost first) under which this candidate applies, with the branch
    /// taken: `("IsProd", true)`.
    pub conditions: Vec<(String, bool)>,
}

impl<T> Value<T> {
    pub fn known(value: T, provenance: Provenance, span: Span) -> Value<T> {
        Value {
            kind: ValueKind::Known(value, provenance),
            span,
            defined_at: None,
        }
    }

    pub fn literal(value: T, span: Span) -> Value<T> {
        Value::known(value, Provenance::Literal, span)
    }

    /// The value the service assumes when an attribute is not written; `span` should be the
    /// header of the resource lacking it.
    pub fn omitted(value: T, span: Span) -> Value<T> {
        Value::known(value, Provenance::Omitted, span)
    }

    pub fn unknown(span: Span) -> Value<T> {
        Value {
            kind: ValueKind::Unknown,
            span,
            defined_at: None,
        }
    }

    pub fn reference(reference: Reference, span: Span) -> Value<T> {
        Value {
            kind: ValueKind::Reference(reference),
            span,
            defined_at: None,
        }
    }

    pub fn with_defined_at(mut self, defined_at: Option<Span>) -> Value<T> {
        self.defined_at = defined_at;
        self
    }

    /// Every concrete possibility: one for a known value, one per branch (recursively) for a
    /// conditional, none for unknown, references and partial strings.
    pub fn candidates(&self) -> Vec<Candidate<'_, T>> {
        let mut out = Vec::new();
        self.collect_candidates(&mut Vec::new(), &mut out);
        out
    }

    fn collect_candidates<'a>(
        &'a self,
        conditions: &mut Vec<(String, bool)>,
        out: &mut Vec<Candidate<'a, T>>,
    ) {
        match &self.kind {
            ValueKind::Known(value, provenance) => out.push(Candidate {
                value,
                provenance: *provenance,
                span: self.span,
                defined_at: self.defined_at,
                conditions: conditions.clone(),
            }),
            ValueKind::Conditional {
                condition,
                when_true,
                when_false,
            } => {
                conditions.push((condition.clone(), true));
                when_true.collect_candidates(conditions, out);
                conditions.pop();
                conditions.push((condition.clone(), false));
                when_false.collect_candidates(conditions, out);
                conditions.pop();
            }
            ValueKind::Unknown | ValueKind::Reference(_) | ValueKind::Partial(_) => {}
        }
    }

    /// The value when it is known unconditionally.
    pub fn get(&self) -> Option<&T> {
        match &self.kind {
            ValueKind::Known(v, _) => Some(v),
            _ => None,
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self.kind, ValueKind::Unknown)
    }

    /// True when the value is set to something (known or not), i.e. not `Omitted`.
    pub fn is_written(&self) -> bool {
        !matches!(self.kind, ValueKind::Known(_, Provenance::Omitted))
    }

    /// Maps known values, keeping spans, provenance and structure.
    pub fn map<U>(self, f: &mut impl FnMut(T) -> U) -> Value<U> {
        let kind = match self.kind {
            ValueKind::Known(v, p) => ValueKind::Known(f(v), p),
            ValueKind::Unknown => ValueKind::Unknown,
            ValueKind::Reference(r) => ValueKind::Reference(r),
            ValueKind::Partial(parts) => ValueKind::Partial(parts),
            ValueKind::Conditional {
                condition,
                when_true,
                when_false,
            } => ValueKind::Conditional {
                condition,
                when_true: Box::new(when_true.map(f)),
                when_false: Box::new(when_false.map(f)),
            },
        };
        Value {
            kind,
            span: self.span,
            defined_at: self.defined_at,
        }
    }
}

impl Value<String> {
    /// The string as a list of known and unknown parts (a known string is one text part).
    /// `None` for unknown values, references and conditionals.
    pub fn parts(&self) -> Option<Vec<StrPart>> {
        match &self.kind {
            ValueKind::Known(s, _) => Some(vec![StrPart::Text(s.clone())]),
            ValueKind::Partial(parts) => Some(parts.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FileId;

    fn sp(a: usize) -> Span {
        Span::new(FileId(0), a, a + 1)
    }

    #[test]
    fn unknown_and_references_yield_no_candidates() {
        assert!(Value::<String>::unknown(sp(0)).candidates().is_empty());
        let r = Reference {
            target: "aws_kms_key.k".into(),
            attribute: Some("arn".into()),
        };
        assert!(Value::<String>::reference(r, sp(0)).candidates().is_empty());
        let partial = Value::<String> {
            kind: ValueKind::Partial(vec![StrPart::Text("a".into()), StrPart::Unknown]),
            span: sp(0),
            defined_at: None,
        };
        assert!(partial.candidates().is_empty());
        assert_eq!(partial.parts().unwrap().len(), 2);
    }

    #[test]
    fn conditional_yields_both_branches_with_their_condition() {
        let v = Value {
            kind: ValueKind::Conditional {
                condition: "IsProd".into(),
                when_true: Box::new(Value::literal("10.0.0.0/8".to_string(), sp(1))),
                when_false: Box::new(Value::literal("0.0.0.0/0".to_string(), sp(2))),
            },
            span: sp(0),
            defined_at: None,
        };
        let c = v.candidates();
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].value, "0.0.0.0/0");
        assert_eq!(c[1].conditions, vec![("IsProd".to_string(), false)]);
        assert_eq!(c[1].span, sp(2));
    }
}
