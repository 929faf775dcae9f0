// Astro's ambient types (import.meta.env.BASE_URL, .astro modules) for tsc, before `astro sync` runs.
/// <reference types="astro/client" />
