/**
 * The portfolio worker: the portfolio RFM and the cross-sell penetration read and computed off
 * the main thread, so that a sync of a large portfolio never freezes the screen the user is on.
 */
import { portfolioComputer } from './portfolioCompute.js';
import type { PortfolioAnswer, PortfolioRequest } from './portfolioProtocol.js';

// The renderer is compiled with the DOM's types; of the worker's scope this needs only these two.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PortfolioRequest>) => void) | null;
  postMessage(answer: PortfolioAnswer): void;
};

const computer = portfolioComputer();
scope.onmessage = (event: MessageEvent<PortfolioRequest>) => {
  void computer.handle(event.data).then((answer) => scope.postMessage(answer));
};
