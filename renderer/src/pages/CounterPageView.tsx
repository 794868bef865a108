import type { CounterInfo, StaffView } from '../api/types';
import { EnrolPage } from '../enrol/EnrolPage';
import { RedeemPage } from '../redeem/RedeemPage';
import { ListsPage } from '../lists/ListsPage';
import { ReportsPage } from '../reports/ReportsPage';
import type { CounterPage } from '../shell/pages';
import { StockPage } from '../stock/StockPage';
import { SyncPage } from '../sync/SyncPage';
import { SettingsPage } from './SettingsPage';
import './pages.css';

interface CounterPageViewProps {
  page: CounterPage;
  info: CounterInfo;
  /** Who is logged in: pages show a manager's actions without asking the core again. */
  staff: StaffView;
}

/** The page the navigation chose. */
export function CounterPageView({ page, info, staff }: CounterPageViewProps) {
  switch (page) {
    case 'enrol':
      return <EnrolPage />;
    case 'redeem':
      return <RedeemPage />;
    case 'stock':
      return <StockPage info={info} staff={staff} />;
    case 'lists':
      return <ListsPage info={info} />;
    case 'reports':
      return <ReportsPage info={info} />;
    case 'sync':
      return <SyncPage info={info} staff={staff} />;
    case 'settings':
      return <SettingsPage info={info} staff={staff} />;
    default: {
      // Every page has its screen: a page added to counterPages without one fails the typecheck here.
      const unhandled: never = page;
      return unhandled;
    }
  }
}
