// Account administration for admins: users (add, change role, disable) and API tokens (create, shown
// once; revoke). The server enforces the admin role; this dialog only shows its answers.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, User } from '../lib/admin-api.js';
import type { Api } from '../lib/api.js';
import { AdminTokens } from './AdminTokens.js';
import { AdminUsers } from './AdminUsers.js';
import { apiErrorText } from './admin-errors.js';
import './admin.css';
import { useModal } from '../lib/use-modal.js';
import { ErrorNote, PanelHead } from './PanelHead.js';

export function AdminDialog({ api, onClose }: { api: Api; onClose(): void }) {
  const { t } = useTranslation();
  const dialog = useModal();
  const [users, setUsers] = useState<User[] | null>(null);
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    Promise.all([api.users(), api.tokens()]).then(
      ([u, tk]) => {
        setUsers(u);
        setTokens(tk);
        setError(null);
      },
      (e: unknown) => setError(apiErrorText(e, t)),
    );
  }, [api, t]);
  useEffect(reload, [reload]);

  return (
    <dialog
      ref={dialog}
      className="dialog admin-dialog"
      aria-labelledby="admin-title"
      onClose={onClose}
      data-testid="admin-dialog"
    >
      <PanelHead
        id="admin-title"
        title={t('admin.title')}
        closeLabel={t('admin.close')}
        onClose={() => dialog.current?.close()}
      />
      <ErrorNote message={error} />
      {!error && !users && <p role="status">{t('admin.loading')}</p>}
      {users && <AdminUsers api={api} users={users} onChanged={reload} />}
      {users && tokens && <AdminTokens api={api} users={users} tokens={tokens} onChanged={reload} />}
    </dialog>
  );
}
