//! Step 5, risk evaluation: likelihood and impact of each threat in scope,
//! before controls (inherent) and after them (residual), with a heat map of
//! each.

use super::StepHeader;
use crate::core::assessment::{RiskScore, Score, Treatment};
use crate::core::dashboard::{control_status, in_scope, Step};
use crate::core::risk::{band, by_band, effective_score, grid_of, is_derived, level_text, BANDS};
use crate::ui::components::choice::{IndexSelect, Pick, Selected};
use crate::ui::components::rows::index_rows;
use crate::ui::components::threat_link::ThreatLink;
use crate::ui::state::use_assess;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Inherent,
    Residual,
}

impl Side {
    fn slug(self) -> &'static str {
        match self {
            Side::Inherent => "inherent",
            Side::Residual => "residual",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Side::Inherent => "Inherent",
            Side::Residual => "Residual",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Side::Inherent => "before controls",
            Side::Residual => "after controls",
        }
    }

    fn of(self, r: &RiskScore) -> Score {
        match self {
            Side::Inherent => r.inherent,
            Side::Residual => r.residual,
        }
    }

    fn of_mut(self, r: &mut RiskScore) -> &mut Score {
        match self {
            Side::Inherent => &mut r.inherent,
            Side::Residual => &mut r.residual,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Axis {
    Likelihood,
    Impact,
}

impl Axis {
    fn slug(self) -> &'static str {
        match self {
            Axis::Likelihood => "likelihood",
            Axis::Impact => "impact",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Axis::Likelihood => "Likelihood",
            Axis::Impact => "Impact",
        }
    }

    fn of(self, s: Score) -> Option<u8> {
        match self {
            Axis::Likelihood => s.likelihood,
            Axis::Impact => s.impact,
        }
    }

    fn of_mut(self, s: &mut Score) -> &mut Option<u8> {
        match self {
            Axis::Likelihood => &mut s.likelihood,
            Axis::Impact => &mut s.impact,
        }
    }

    /// The word for each point of the scale, 1 to 5.
    fn word(self, n: u8) -> &'static str {
        let words = match self {
            Axis::Likelihood => ["rare", "unlikely", "possible", "likely", "almost certain"],
            Axis::Impact => ["negligible", "minor", "moderate", "major", "severe"],
        };
        words
            .get(usize::from(n).wrapping_sub(1))
            .copied()
            .unwrap_or("")
    }
}

fn threats_word(n: usize) -> &'static str {
    if n == 1 {
        "threat"
    } else {
        "threats"
    }
}

/// A risk level after `prefix`, coloured by its band, or `unscored` in
/// muted text while there is none.
pub(super) fn level_line(
    level: Option<u8>,
    prefix: &'static str,
    unscored: &'static str,
) -> AnyView {
    match level {
        Some(l) => view! {
            {prefix}
            <span class=format!("level-badge band-{}", band(l).0)>{level_text(l)}</span>
        }
        .into_any(),
        None => view! { <span class="muted">{unscored}</span> }.into_any(),
    }
}

/// The option values of the 1-to-5 scale.
const POINTS: [&str; 5] = ["1", "2", "3", "4", "5"];

#[component]
fn ScoreSelect(
    threat: &'static str,
    side: Side,
    axis: Axis,
    score: Memo<RiskScore>,
) -> impl IntoView {
    let assess = use_assess();
    let select_id = format!("risk-{threat}-{}-{}", side.slug(), axis.slug());
    // Point n of the scale is option n - 1.
    let selected = move || {
        score
            .with(|r| axis.of(side.of(r)))
            .filter(|n| (1..=5).contains(n))
            .map(|n| usize::from(n - 1))
    };
    let on_pick = move |i: Option<usize>| {
        let chosen = i.and_then(|i| u8::try_from(i + 1).ok());
        assess.edit(threat, |r: &mut RiskScore| {
            *axis.of_mut(side.of_mut(r)) = chosen
        });
    };
    let options = POINTS
        .into_iter()
        .zip(1..=5u8)
        .map(|(value, n)| (value, format!("{n} · {}", axis.word(n))))
        .collect();
    view! {
        <label for=select_id.clone()>{axis.label()}</label>
        <IndexSelect
            id=Some(select_id.clone())
            testid=select_id
            options
            none=Some("– not scored")
            selected=Arc::new(selected)
            on_pick=Arc::new(on_pick)
        />
    }
}

#[component]
fn SideFields(threat: &'static str, side: Side, score: Memo<RiskScore>) -> impl IntoView {
    let level = move || score.with(|r| side.of(r).level());
    view! {
        <fieldset class="score-side">
            <legend>{side.label()} <span class="muted">" (" {side.hint()} ")"</span></legend>
            <div class="fields">
                <ScoreSelect threat side axis=Axis::Likelihood score />
                <ScoreSelect threat side axis=Axis::Impact score />
            </div>
            <p class="level" data-testid=format!("risk-{threat}-{}-level", side.slug())>
                {move || level_line(level(), "Level ", "Not scored yet")}
            </p>
        </fieldset>
    }
}

/// A parent's side: its children's highest, shown, not entered.
#[component]
fn DerivedSide(threat: &'static str, side: Side, score: Memo<RiskScore>) -> impl IntoView {
    let level = move || score.with(|r| side.of(r).level());
    let describe = move || score.with(|r| side.of(r).describe());
    view! {
        <div class="score-side derived">
            <p>
                <strong>{side.label()}</strong>
                <span class="muted">" (" {side.hint()} "): "</span>
                {describe}
            </p>
            <p class="level" data-testid=format!("risk-{threat}-{}-level", side.slug())>
                {move || level_line(level(), "Level ", "Not every sub-threat is scored yet")}
            </p>
        </div>
    }
}

#[component]
fn RiskRow(threat: usize) -> impl IntoView {
    let assess = use_assess();
    let t = &assess.catalog.threats[threat];
    let id = t.id;
    let score = assess.record::<RiskScore>(id);
    // A parent (children in scope) is scored through them: its own stored
    // score, if any, is kept but neither shown nor counted.
    let derived = Memo::new(move |_| assess.selection.with(|s| is_derived(s, threat)));
    let effective = Memo::new(move |_| {
        assess
            .assessment
            .with(|a| assess.selection.with(|s| effective_score(a, s, threat)))
    });
    // What the residual score rests on: the threat's own and branch controls
    // and where each stands (general controls serve every threat alike).
    let controls = move || {
        assess.assessment.with(|a| {
            assess.selection.with(|s| {
                let catalog = assess.catalog;
                let listed: Vec<String> = s
                    .controls
                    .iter()
                    .filter(|c| !c.general && c.threats.contains(&threat))
                    .map(|c| {
                        let id = catalog.controls[c.control].id;
                        format!(
                            "{id} ({})",
                            control_status(a, id).label().to_ascii_lowercase()
                        )
                    })
                    .collect();
                if listed.is_empty() {
                    "none of its own".to_string()
                } else {
                    listed.join(", ")
                }
            })
        })
    };
    view! {
        <li class="row-card" data-testid=format!("risk-{id}") data-derived=move || derived.get().then_some("true")>
            <div class="row-head">
                <ThreatLink threat=t />
            </div>
            <p class="muted risk-controls" data-testid=format!("risk-{id}-controls")>"Controls: " {controls}</p>
            <Show
                when=move || derived.get()
                fallback=move || view! {
                    <div class="score-sides">
                        <SideFields threat=id side=Side::Inherent score />
                        <SideFields threat=id side=Side::Residual score />
                    </div>
                }
            >
                <p class="muted" data-testid=format!("risk-{id}-derived")>
                    "Derived: the highest score of its sub-threats in scope, each side by level. "
                    "Score the sub-threats below."
                </p>
                <div class="score-sides">
                    <DerivedSide threat=id side=Side::Inherent score=effective />
                    <DerivedSide threat=id side=Side::Residual score=effective />
                </div>
            </Show>
            {(Step::Treat.number_in(assess.catalog).is_some()).then(|| view! { <NeedSelect threat=id /> })}
            <Show when=move || score.with(|r| r.residual_above_inherent()) && !derived.get()>
                <p class="notice" role="status" data-testid=format!("risk-raised-{id}")>
                    "The residual risk is above the inherent one, though controls do not raise a "
                    "risk. Check the scores, or explain why in the rationale of its acceptance."
                </p>
            </Show>
        </li>
    }
}

/// The evaluation's verdict on one risk (editions with a treatment step):
/// it needs treatment, or it applies in theory only.
#[component]
fn NeedSelect(threat: &'static str) -> impl IntoView {
    let assess = use_assess();
    let current = assess.record::<Treatment>(threat);
    let select_id = format!("need-{threat}");
    let selected: Selected =
        Arc::new(move || current.with(|x| x.needed.map(|n| if n { 0 } else { 1 })));
    let on_pick: Pick = Arc::new(move |i: Option<usize>| {
        assess.edit(threat, |x: &mut Treatment| x.needed = i.map(|i| i == 0));
    });
    view! {
        <div class="fields">
            <label for=select_id.clone()>"Treatment"</label>
            <IndexSelect
                id=Some(select_id.clone())
                testid=select_id
                options=vec![("yes", "Needs treatment".to_string()), ("no", "Applies in theory only".to_string())]
                none=Some("Not decided")
                selected
                on_pick
            />
        </div>
    }
}

/// One side's heat map: a 5×5 grid of counts, likelihood across and impact
/// up, each cell shaded by its band.
#[component]
pub(crate) fn HeatMap(side: Side, threats: Memo<Vec<usize>>) -> impl IntoView {
    let assess = use_assess();
    // Leaves only: a parent's score is its children's highest, so counting
    // it too would count one risk twice.
    let leaves = move || {
        assess.selection.with(|sel| {
            threats.with(|ts| {
                ts.iter()
                    .copied()
                    .filter(|&t| !is_derived(sel, t))
                    .collect::<Vec<_>>()
            })
        })
    };
    let grid = Memo::new(move |_| {
        let leaves = leaves();
        assess.assessment.with(|a| {
            assess.selection.with(|sel| {
                let scores: Vec<Score> = leaves
                    .iter()
                    .map(|&t| side.of(&effective_score(a, sel, t)))
                    .collect();
                grid_of(&scores)
            })
        })
    });
    // Geometry, in SVG units.
    const CELL: usize = 44;
    const LEFT: usize = 44;
    const TOP: usize = 6;
    const WIDTH: usize = LEFT + 5 * CELL + 6;
    const HEIGHT: usize = TOP + 5 * CELL + 42;
    let summary = move || {
        let by_band = grid.with(by_band);
        let scored: usize = by_band.iter().sum();
        let total = leaves().len();
        format!(
            "{} risk heat map, likelihood across, impact up: {scored} of {total} threats scored; \
             {} critical, {} high, {} medium, {} low.",
            side.label(),
            by_band[3],
            by_band[2],
            by_band[1],
            by_band[0]
        )
    };
    let cells = (1..=5u8)
        .flat_map(|l| (1..=5u8).map(move |i| (l, i)))
        .map(|(l, i)| {
            let count = move || grid.with(|g| g[usize::from(l - 1)][usize::from(i - 1)]);
            let x = LEFT + usize::from(l - 1) * CELL;
            let y = TOP + usize::from(5 - i) * CELL;
            let level = l * i;
            let (band_class, band_word) = band(level);
            view! {
                <g class=format!("cell band-{band_class}")>
                    <title>
                        {move || {
                            let n = count();
                            format!(
                                "Likelihood {l}, impact {i} (level {level}, {}): {n} {}",
                                band_word.to_ascii_lowercase(),
                                threats_word(n)
                            )
                        }}
                    </title>
                    <rect x=x y=y width=CELL height=CELL></rect>
                    <text
                        class="cell-count"
                        class:zero=move || count() == 0
                        x={x + CELL / 2}
                        y={y + CELL / 2}
                        data-testid=format!("cell-{}-{l}-{i}", side.slug())
                    >
                        {count}
                    </text>
                </g>
            }
        })
        .collect_view();
    let ticks = (1..=5usize)
        .map(|n| {
            view! {
                <text class="tick" x={LEFT + (n - 1) * CELL + CELL / 2} y={TOP + 5 * CELL + 14}>{n}</text>
                <text class="tick" x={LEFT - 10} y={TOP + (5 - n) * CELL + CELL / 2}>{n}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="heatmap">
            <figcaption>
                <strong>{side.label()}</strong>
                <span class="muted">" (" {side.hint()} ")"</span>
            </figcaption>
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-label=summary
                data-testid=format!("heatmap-{}", side.slug())
            >
                {cells}
                {ticks}
                <text class="axis-label" x={LEFT + 5 * CELL / 2} y={HEIGHT - 6}>"Likelihood →"</text>
                <text
                    class="axis-label"
                    x=12
                    y={TOP + 5 * CELL / 2}
                    transform=format!("rotate(-90 12 {})", TOP + 5 * CELL / 2)
                >
                    "Impact →"
                </text>
            </svg>
        </figure>
    }
}

/// The four bands in words, under the heat maps.
#[component]
pub(crate) fn BandLegend() -> impl IntoView {
    let items = BANDS
        .into_iter()
        .map(|(class, words)| {
            view! {
                <li>
                    <span class=format!("swatch band-{class}") aria-hidden="true"></span>
                    {words}
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="legend-title muted" id="band-legend-title">"Levels (likelihood × impact):"</p>
        <ul class="band-legend" aria-labelledby="band-legend-title">{items}</ul>
    }
}

#[component]
pub fn RiskStep() -> impl IntoView {
    let assess = use_assess();
    let threats = Memo::new(move |_| assess.selection.with(in_scope));
    view! {
        <section class="panel risk-step">
            <StepHeader
                step=Step::Risk
                lede=if Step::Treat.number_in(assess.catalog).is_some() {
                    "Rate how likely each threat is and how much harm it would do, from 1 to 5: \
                    first as things stand without controls (inherent), and say whether the risk \
                    needs treatment or applies in theory only. The residual side is rated once \
                    controls are chosen. The level is likelihood times impact."
                } else {
                    "Rate how likely each threat is and how much harm it would do, from 1 to 5: \
                    first as things stand without controls (inherent), then with your controls in \
                    place (residual). The level is likelihood times impact. The current AI Exchange \
                    asks for this step; the January 2024 edition this assessment follows had none."
                }
            />
            <Show
                when=move || !threats.with(Vec::is_empty)
                fallback=|| view! {
                    <p class="empty">
                        "No threat is in scope, so there is nothing to rate. The first step decides which "
                        "threats apply."
                    </p>
                }
            >
                <div class="heatmaps">
                    <HeatMap side=Side::Inherent threats />
                    <HeatMap side=Side::Residual threats />
                </div>
                <BandLegend />
            </Show>
            {index_rows(threats, |threat| view! { <RiskRow threat /> }.into_any())}
        </section>
    }
}
