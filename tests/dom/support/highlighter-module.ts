// Stands in for the built highlighter module in the content-script tests: importing it runs what the test's
// background says the module runs (registering the highlighter, as entrypoints/highlighter does). Each import
// names it with a query of its own, so that it runs each time, as a first import in a new frame does.
await (globalThis as unknown as { __runHighlighterModule: () => Promise<void> }).__runHighlighterModule();
