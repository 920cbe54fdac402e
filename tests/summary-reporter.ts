/**
 * Ends a test run with one plain line, `N passed, N failed, N skipped`, that CI systems and people
 * can read without parsing vitest's coloured summary.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
	onTestRunEnd(
		testModules: ReadonlyArray<TestModule>,
		unhandledErrors: ReadonlyArray<unknown>,
	): void {
		let passed = 0;
		let failed = unhandledErrors.length;
		let skipped = 0;
		for (const module of testModules) {
			if (module.state() === 'failed' && ![...module.children.allTests()].length) failed++;
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === 'passed') passed++;
				else if (state === 'failed') failed++;
				else skipped++;
			}
		}
		console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
	}
}
