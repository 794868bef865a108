import type { CounterInfo, CounterStatus } from '../api/types';
import { EnrolPage } from '../enrol/EnrolPage';
import { RedeemPage } from '../redeem/RedeemPage';
import { ListsPage } from '../lists/ListsPage';
import { ReportsPage } from '../reports/ReportsPage';
import type { CounterPage } from '../shell/pages';
import { StockPage } from '../stock/StockPage';
import { PageFrame, PlannedNotice } from './PageFrame';
import { SettingsPage } from './SettingsPage';
import { SyncPage } from './SyncPage';
import './pages.css';

interface CounterPageViewProps {
  page: CounterPage;
  info: CounterInfo;
  status: CounterStatus | null;
}

/** The page the navigation chose. Pages that later versions fill show a plain notice for now. */
export function CounterPageView({ page, info, status }: CounterPageViewProps) {
  switch (page) {
    case 'enrol':
      return <EnrolPage />;
    case 'redeem':
      return <RedeemPage />;
    case 'stock':
      return <StockPage info={info} />;
    case 'lists':
      return <ListsPage info={info} />;
    case 'reports':
      return <ReportsPage info={info} />;
    case 'sync':
      return <SyncPage status={status} />;
    case 'settings':
      return <SettingsPage info={info} />;
    default:
      return (
        <PageFrame page={page}>
          <PlannedNotice page={page} />
        </PageFrame>
      );
  }
}
