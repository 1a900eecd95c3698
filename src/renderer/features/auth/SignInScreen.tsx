import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { authContract } from '../../../shared/contract/auth.js';
import { TransportError } from '../../../shared/contract/transport.js';
import type { Locale, User } from '../../../shared/domain/user/user.js';
import { locales } from '../../../shared/domain/user/user.js';
import { deviceNameFrom } from '../../app/session.js';
import type { MessageKey } from '../../i18n/fr.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { Field, FormError, SubmitButton } from '../../ui/form/index.js';
import type { Platform } from '../../platform/types.js';

const loginSchema = authContract['auth-login'].input;
type LoginInput = z.input<typeof loginSchema>;

type SignInError = { key: MessageKey; seconds?: number };

/** The two typed fields, in order, with what each says when it is wrong. */
const credentials = [
  {
    name: 'email',
    label: 'auth.email',
    error: 'auth.invalidEmail',
    type: 'email',
    autoComplete: 'username',
  },
  {
    name: 'password',
    label: 'auth.password',
    error: 'auth.missingPassword',
    type: 'password',
    autoComplete: 'current-password',
  },
] as const satisfies readonly {
  name: keyof LoginInput;
  label: MessageKey;
  error: MessageKey;
  type: string;
  autoComplete: string;
}[];

/** Email + password against head office. The first sign-in on a laptop needs the network. */
export function SignInScreen({
  platform,
  onSignedIn,
  notice,
  locale,
  onLocaleChange,
  defaultEmail = '',
}: {
  platform: Platform;
  onSignedIn: (user: User) => void;
  notice?: MessageKey | null;
  locale: Locale;
  onLocaleChange: (locale: Locale) => void;
  defaultEmail?: string;
}) {
  const id = useId();
  const [error, setError] = useState<SignInError | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({
    resolver: zodResolver(loginSchema),
    defaultValues: {
      email: defaultEmail,
      password: '',
      deviceName: deviceNameFrom(globalThis.navigator?.userAgent ?? ''),
      tokenDelivery: platform.tokenDelivery,
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    try {
      const result = await platform.transport.invoke('auth-login', values);
      if (result.ok) {
        onSignedIn(result.value.user);
        return;
      }
      const { code, retryAfterSeconds } = result.error;
      if (code === 'too-many-attempts' && retryAfterSeconds !== undefined) {
        setError({ key: 'auth.throttled', seconds: retryAfterSeconds });
      } else {
        setError({ key: `error.${code}` });
      }
    } catch (e) {
      setError({ key: e instanceof TransportError ? 'auth.offline' : 'error.unexpected' });
    }
  });

  return (
    <main className="signin">
      <div className="signin__card">
        <p className="signin__brand" aria-hidden="true">
          Tournée
        </p>
        <Text as="h1" className="signin__title" msg="auth.title" />
        <Text as="p" className="muted" msg="auth.subtitle" />
        {notice ? (
          <div className="signin__notice" role="alert">
            <Msg id={notice} />
          </div>
        ) : null}
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="signin__form">
          {credentials.map(({ name, label, error, type, autoComplete }) => (
            <Field
              key={name}
              id={`${id}-${name}`}
              label={<Msg id={label} />}
              error={errors[name] ? <Msg id={error} /> : null}
              errorPrefix={false}
            >
              {(control) => (
                <input
                  type={type}
                  className="input"
                  autoComplete={autoComplete}
                  {...control}
                  {...register(name)}
                />
              )}
            </Field>
          ))}
          <FormError>
            {error ? <Msg id={error.key} values={{ seconds: error.seconds ?? 0 }} /> : null}
          </FormError>
          <SubmitButton
            saving={isSubmitting}
            savingLabel={<Msg id="auth.submitting" />}
            className="btn--block"
          >
            <Msg id="auth.submit" />
          </SubmitButton>
        </form>
        <div className="signin__lang">
          <Text as="label" htmlFor={`${id}-lang`} className="field__label" msg="auth.language" />
          <select
            id={`${id}-lang`}
            className="input input--inline"
            value={locale}
            onChange={(e) => onLocaleChange(e.target.value as Locale)}
          >
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {l === 'fr' ? 'Français' : 'English'}
              </option>
            ))}
          </select>
        </div>
      </div>
    </main>
  );
}
