//! Step 7: the result. Verdict banner, the exact error per browser, the fixes, the requests on the wire,
//! every check, and the slot where the live-fetch panel mounts.

mod banner;
mod checks;
mod console;
mod fixes;
pub mod timeline;

use leptos::prelude::*;

use crate::ctx::Ctx;

pub use banner::Banner;
pub use console::ConsoleTabs;
pub use fixes::Fixes;

/// The whole result.
#[component]
pub fn ResultView() -> impl IntoView {
    let ctx = Ctx::get();
    let evaluated = move || ctx.verdict.with(Result::is_ok);
    view! {
        <div class="result" data-testid="result">
            <Banner />
            <Show when=evaluated>
                <section class="result-section" aria-labelledby="error-title">
                    <h3 id="error-title">"What you will see"</h3>
                    <ConsoleTabs />
                </section>
                <section class="result-section" aria-labelledby="fix-title">
                    <h3 id="fix-title">"How to fix it"</h3>
                    <Fixes />
                </section>
                <section class="result-section" aria-labelledby="wire-title">
                    <h3 id="wire-title">"On the wire"</h3>
                    <timeline::Timeline />
                </section>
                <section class="result-section" aria-labelledby="checks-title">
                    <h3 id="checks-title">"Every check the browser made"</h3>
                    <checks::Checks />
                </section>
            </Show>
            // The live-fetch module (src/live/, its own Wasm module) mounts here: it runs this scenario
            // against a real server.
            <crate::live::LiveSection />
        </div>
    }
}
