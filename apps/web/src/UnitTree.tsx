/** The plan's unit tree, each unit coloured by its report's stage. */
import type { OrgUnit, ProgressUnit } from './api-types';
import { formatDate, KIND_LABELS } from './format';
import { Link } from './router';
import { StageBadge, stageClass } from './ui';

interface Node {
  id: string;
  code: string;
  name: string;
  kind: OrgUnit['kind'];
  report?: ProgressUnit;
  children: Node[];
}

function buildTree(rootId: string, root: OrgUnit | undefined, units: ProgressUnit[]): Node {
  const nodes = new Map<string, Node>();
  nodes.set(rootId, { id: rootId, code: root?.code ?? '', name: root?.name ?? 'Đơn vị gốc', kind: root?.kind ?? 'bloc', children: [] });
  for (const u of units) nodes.set(u.unitId, { id: u.unitId, code: u.unitCode, name: u.unitName, kind: u.kind, report: u, children: [] });
  for (const u of units) (nodes.get(u.parentId ?? '') ?? nodes.get(rootId)!).children.push(nodes.get(u.unitId)!);
  for (const node of nodes.values()) node.children.sort((a, b) => a.code.localeCompare(b.code));
  return nodes.get(rootId)!;
}

function Branch({ node, names }: { node: Node; names: Record<string, string> }) {
  const report = node.report;
  return (
    <li>
      <div className={`tree-node ${report ? stageClass(report.stage) : 'root'} ${report?.overdue ? 'is-overdue' : ''}`} data-unit={node.code}>
        <span className="tree-name">
          {report ? <Link to={`/reports/${report.reportId}`}>{node.name}</Link> : <strong>{node.name}</strong>}
          <span className="muted small"> · {node.code} · {KIND_LABELS[node.kind]}</span>
        </span>
        {report && (
          <span className="tree-state">
            <StageBadge stage={report.stage} names={names} />
            {report.overdue && <span className="tag overdue-tag">Quá hạn</span>}
            {report.dueAt && <span className="small muted"> hạn {formatDate(report.dueAt)}</span>}
          </span>
        )}
      </div>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <Branch key={child.id} node={child} names={names} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function UnitTree({ rootId, root, units, names }: { rootId: string; root?: OrgUnit; units: ProgressUnit[]; names: Record<string, string> }) {
  return (
    <ul className="unit-tree" aria-label="Cây đơn vị">
      <Branch node={buildTree(rootId, root, units)} names={names} />
    </ul>
  );
}
