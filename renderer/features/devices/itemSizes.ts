/**
 * Measured heights of the device list's items (renderer): rows, and the head and tail of each
 * section card, read from the DOM by one ResizeObserver while they are rendered, kept when they
 * scroll away so the spacer that replaces them has their real height. Elements opt in with
 * `data-measure`: `row` (its height, under `data-size-key`), or `section` (the part above its
 * rows under `data-head-key`, the part below them under `data-tail-key`).
 */
import type { SizeLookup } from './listLayout';

const EPSILON = 0.5;

export class ItemSizes implements SizeLookup {
  private readonly sizes = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private readonly observed = new Map<Element, Set<Element>>();
  private observer: ResizeObserver | undefined;
  private version = 0;

  get(key: string): number | undefined {
    return this.sizes.get(key);
  }

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Forgets every size (the width changed: rows wrap differently). */
  clear(): void {
    if (this.sizes.size === 0) return;
    this.sizes.clear();
    this.changed();
  }

  /** Observes the measurable elements now under `root`, and stops observing those gone. */
  observeWithin(root: Element): void {
    this.observer ??= new ResizeObserver(entries => {
      let any = false;
      for (const entry of entries) any = this.measure(entry.target) || any;
      if (any) this.changed();
    });
    const previous = this.observed.get(root) ?? new Set<Element>();
    const current = new Set(root.querySelectorAll('[data-measure]'));
    for (const element of previous) if (!current.has(element)) this.observer.unobserve(element);
    for (const element of current) if (!previous.has(element)) this.observer.observe(element);
    this.observed.set(root, current);
  }

  /** Stops observing what was under `root` (its lane is gone). */
  forget(root: Element): void {
    for (const element of this.observed.get(root) ?? []) this.observer?.unobserve(element);
    this.observed.delete(root);
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed.clear();
  }

  private measure(element: Element): boolean {
    if (!(element instanceof HTMLElement) || !element.isConnected) return false;
    const box = element.getBoundingClientRect();
    if (box.height === 0 && box.width === 0) return false; // not laid out (display: none)
    if (element.dataset.measure === 'row') {
      return this.set(element.dataset.sizeKey, box.height);
    }
    const rows = element.querySelector(':scope > .group > .group__list');
    if (rows === null) return this.set(element.dataset.headKey, box.height);
    const list = rows.getBoundingClientRect();
    const head = this.set(element.dataset.headKey, list.top - box.top);
    const tail = this.set(element.dataset.tailKey, box.bottom - list.bottom);
    return head || tail;
  }

  private set(key: string | undefined, size: number): boolean {
    if (key === undefined || !Number.isFinite(size) || size < 0) return false;
    const old = this.sizes.get(key);
    if (old !== undefined && Math.abs(old - size) < EPSILON) return false;
    this.sizes.set(key, size);
    return true;
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
