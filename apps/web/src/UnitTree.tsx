/** The plan's unit tree, each unit coloured by its report's stage, named as its level names it. */
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
}

function buildTree(rootId: string, root: OrgUnit | undefined, units: ProgressUnit[]): Node {
  const nodes = new Map<string, Node>();
  nodes.set(rootId, { id: rootId, code: root?.code ?? '', name: root?.name ?? 'Đơn vị gốc', kind: root?.kind ?? 'bloc', children: [] });
  for (const u of units) nodes.set(u.unitId, { id: u.unitId, code: u.unitCode, name: u.unitName, kind: u.kind, report: u, children: [] });
  for (const u of units) (nodes.get(u.parentId ?? '') ?? nodes.get(rootId)!).children.push(nodes.get(u.unitId)!);
  for (const node of nodes.values()) node.children.sort((a, b) => a.code.localeCompare(b.code));
  return nodes.get(rootId)!;
}

function Branch({ node, labels }: { node: Node; labels: StageLabels }) {
  const report = node.report;
  const unit = { kind: node.kind, name: node.name };
  return (
    <li>
      <div className={`tree-node ${report ? stageClass(report.stage) : 'root'} ${report?.overdue ? 'is-overdue' : ''}`} data-unit={node.code}>
        <span className="tree-name">
          {report ? <Link to={`/reports/${report.reportId}`}>{node.name}</Link> : <strong>{node.name}</strong>}
          <span className="muted small"> · {node.code} · {unitKindName(unit)}</span>
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

export function UnitTree({ rootId, root, units, labels }: { rootId: string; root?: OrgUnit; units: ProgressUnit[]; labels: StageLabels }) {
  return (
    <ul className="unit-tree" aria-label="Cây đơn vị">
      <Branch node={buildTree(rootId, root, units)} labels={labels} />
    </ul>
  );
}
