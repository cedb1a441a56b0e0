//! The link to a threat's page, as every page but the report writes it.

use crate::core::catalog::Threat;
use crate::core::route::Route;
use crate::ui::router::href;
use leptos::prelude::*;

/// What a threat link says besides the threat's name.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub enum Label {
    /// The section number set apart (`span.sec`), then the name: lists
    /// whose numbers line up.
    #[default]
    Marked,
    /// Section and name as one run of text: links inside prose and headings.
    Plain,
    /// The name alone, where the section is shown beside the link.
    Name,
}

#[component]
pub fn ThreatLink(
    threat: &'static Threat,
    #[prop(optional)] label: Label,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView {
    // One view type for the three forms, rather than a type-erased view
    // each: options that are None render nothing.
    let marked =
        (label == Label::Marked).then(|| view! { <span class="sec">{threat.section}</span> });
    let plain = (label == Label::Plain).then_some(threat.section);
    let gap = (label != Label::Name).then_some(" ");
    view! {
        <a class=class href=href(&Route::Threat(threat.id.into()))>
            {marked}
            {plain}
            {gap}
            {threat.name}
        </a>
    }
}
