/** A unit whose approved report a consolidating level draws on. */
export interface ContributorUnit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
}

/**
 * The order in which a level's sources and pre-filled contributions appear: the tree under the
 * consolidating unit read from the top, each unit followed by the units below it, siblings by code.
 * A đảng bộ's own report then comes before its chi bộ's, and a chi bộ stays beside its đảng bộ
 * whatever codes other branches use. Units whose parent is not among `units` hang from the level.
 */
export function contributorOrder<T extends ContributorUnit>(units: readonly T[], levelUnitId: string): T[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string, T[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) && unit.parentId !== unit.id ? unit.parentId : levelUnitId;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const ordered: T[] = [];
  const seen = new Set<string>();
  // Iterative, so a deep tree cannot overflow the stack; `seen` guards against a cycle in bad data.
  const stack = [...(children.get(levelUnitId) ?? [])].reverse();
  while (stack.length) {
    const unit = stack.pop()!;
    if (seen.has(unit.id)) continue;
    seen.add(unit.id);
    ordered.push(unit);
    stack.push(...[...(children.get(unit.id) ?? [])].reverse());
  }
  return ordered;
}

/**
 * The name each unit is cited by. Names are what people read (the domain page: "cited by the unit's
 * name, never by an internal code"), but many đảng bộ have a "Chi bộ Văn phòng": a name shared by
 * several units is followed by the name of the unit above it.
 */
export function citationNames(units: readonly ContributorUnit[], nameOfParent: (parentId: string) => string | undefined): Map<string, string> {
  const count = new Map<string, number>();
  for (const unit of units) count.set(unit.name.trim(), (count.get(unit.name.trim()) ?? 0) + 1);
  return new Map(
    units.map((unit) => {
      const name = unit.name.trim();
      const parent = unit.parentId === null ? undefined : nameOfParent(unit.parentId)?.trim();
      return [unit.id, count.get(name)! > 1 && parent ? `${name} (${parent})` : name];
    }),
  );
}
