// The answer of a landscape call for the filters on screen: asked again whenever they change, and
// only the newest answer shown (one for older filters arriving late is dropped). No input asks
// nothing and keeps the last answer (a picture not on screen). The input must be memoised: a new
// object asks again.
import { useEffect, useState } from 'preact/hooks';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import { call } from '../../api';

export function useLandscapeAnswer<N extends CallName>(name: N, input: CallInput<N> | null, onError: (message: string) => void): CallOutput<N> | null {
  const [answer, setAnswer] = useState<CallOutput<N> | null>(null);
  useEffect(() => {
    if (!input) return;
    let current = true;
    call(name, input).then(
      (r) => current && setAnswer(r),
      (e: unknown) => current && onError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, [name, input, onError]);
  return answer;
}
