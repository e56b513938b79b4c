/**
 * The plan's unit tree, each unit coloured by its report's stage, named as its level names it. With
 * `show`, only the units it keeps, with the units above them greyed as the path to them.
 */
import { unitKindName } from '../../../libs/domain/src/party-names';
import type { OrgUnit, ProgressUnit } from './api-types';
import { formatDate } from './format';
import { Link } from './router';
import { StageBadge, stageClass } from './ui';
import type { StageLabels } from './workflow-names';

interface Node {
  id: string;
  code: string;
  name: string;
  kind: OrgUnit['kind'];
  report?: ProgressUnit;
  children: Node[];
  /** Shown only as the path to units kept by a filter. */
  context?: boolean;
}

function buildTree(rootId: string, root: OrgUnit | undefined, units: ProgressUnit[]): Node {
  const nodes = new Map<string, Node>();
  nodes.set(rootId, { id: rootId, code: root?.code ?? '', name: root?.name ?? 'Đơn vị gốc', kind: root?.kind ?? 'bloc', children: [] });
  for (const u of units) nodes.set(u.unitId, { id: u.unitId, code: u.unitCode, name: u.unitName, kind: u.kind, report: u, children: [] });
  for (const u of units) (nodes.get(u.parentId ?? '') ?? nodes.get(rootId)!).children.push(nodes.get(u.unitId)!);
  for (const node of nodes.values()) node.children.sort((a, b) => a.code.localeCompare(b.code));
  return nodes.get(rootId)!;
}

/** The node without the branches holding no unit `show` keeps; null when nothing under it is kept. */
function pruned(node: Node, show: (unit: ProgressUnit) => boolean): Node | null {
  const children = node.children.map((child) => pruned(child, show)).filter((child): child is Node => child !== null);
  const kept = node.report !== undefined && show(node.report);
  return kept || children.length ? { ...node, children, context: !kept } : null;
}

function Branch({ node, labels }: { node: Node; labels: StageLabels }) {
  const report = node.report;
  const unit = { kind: node.kind, name: node.name };
  return (
    <li>
      <div
        className={`tree-node ${report ? stageClass(report.stage) : 'root'} ${report?.overdue ? 'is-overdue' : ''} ${node.context ? 'tree-context' : ''}`}
        data-unit={node.code}
      >
        <span className="tree-name">
          {report ? <Link to={`/reports/${report.reportId}`}>{node.name}</Link> : <strong>{node.name}</strong>}
          <span className="muted small">
            {' '}
            · {node.code} · {unitKindName(unit)}
          </span>
        </span>
        {report && (
          <span className="tree-state">
            <StageBadge stage={report.stage} names={labels.namesFor({ unit })} />
            {report.overdue && <span className="tag overdue-tag">Quá hạn</span>}
            {report.dueAt && <span className="small muted"> hạn {formatDate(report.dueAt)}</span>}
          </span>
        )}
      </div>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <Branch key={child.id} node={child} labels={labels} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function UnitTree({
  rootId,
  root,
  units,
  labels,
  show,
}: {
  rootId: string;
  root?: OrgUnit;
  units: ProgressUnit[];
  labels: StageLabels;
  show?: (unit: ProgressUnit) => boolean;
}) {
  const tree = buildTree(rootId, root, units);
  const shown = show ? pruned(tree, show) : tree;
  if (!shown) return <p className="empty">Không có đơn vị nào.</p>;
  return (
    <ul className="unit-tree" aria-label="Cây đơn vị">
      <Branch node={{ ...shown, context: false }} labels={labels} />
    </ul>
  );
}
