import { configure } from '@testing-library/react';

// `waitFor` waits for something that must happen; how fast it happens is not under test (we do not write timed unit
// tests). Testing Library's default 1 s bound failed on a loaded 2-core CI machine while the code loaded on demand
// (the stream machinery, a login mode) was being transformed on first import, so the bound is 10 s.
configure({ asyncUtilTimeout: 10_000 });
