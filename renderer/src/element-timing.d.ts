// Element Timing: the browser reports when an element carrying this attribute is first painted
// (PerformanceObserver, type 'element'). React passes the attribute through; its types omit it.
import 'react';

declare module 'react' {
  // The parameter must be named as React's own declaration names it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
