/**
 * Renderer tests run in jsdom on a busy 2-core machine: findBy/waitFor get 5 s instead of
 * Testing Library's 1 s default, so a slow render is waited for rather than reported missing.
 */
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 5_000 });
