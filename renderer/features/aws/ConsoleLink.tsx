/**
 * The AWS account's console sign-in page, in a group header (renderer). A plain link with
 * `target="_blank"`: main hands it to the system browser (only `*.signin.aws.amazon.com` and a
 * few other AWS hosts are allowed out), never opening it in the app.
 */
import type { AwsView } from '../../../preload/contract/contract';
import { consoleSignInUrl } from '../../lib/awsText';
import { Icon } from '../../ui/Icon';

interface ConsoleLinkProps {
  readonly account: Pick<AwsView, 'accountId' | 'alias'>;
}

export function ConsoleLink({ account }: ConsoleLinkProps) {
  const url = consoleSignInUrl(account);
  if (url === null) {
    return null;
  }
  const name = account.alias ?? account.accountId ?? '';
  return (
    <a className="console-link" href={url} target="_blank" rel="noopener noreferrer">
      Console sign-in
      <span className="visually-hidden"> for {name} (opens in your browser)</span>
      <Icon name="external" />
    </a>
  );
}
