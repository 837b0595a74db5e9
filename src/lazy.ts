/**
 * Defines `key` on `target` as a value made when first read: the getter makes it and puts it in place as a plain
 * data property (enumerable, writable, configurable), so the object spreads, serializes and compares as if it had
 * always held the value. Assigning before reading replaces it unmade. On a frozen object the value is made once
 * and kept by the getter.
 */
export function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K], onSettled?: () => void): void {
  let made: { value: T[K] } | undefined;
  const settle = (value: T[K]) => {
    made = { value };
    Reflect.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    onSettled?.();
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) settle(make());
      return made!.value;
    },
    set: settle,
  });
}
