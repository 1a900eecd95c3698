/** The bridge and nothing else: one prefixed channel, typed with `satisfies`. */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../shared/contract/bridge.js';
import type {
  BridgeEvent,
  PrintToPdfInput,
  PrintToPdfResult,
  TourneeBridge,
} from '../shared/contract/bridge.js';
import type { Input, Method, Output } from '../shared/contract/index.js';
import type { Result } from '../shared/lib/result.js';

export const bridge = {
  platform: 'electron',
  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    const answer: unknown = await ipcRenderer.invoke(IPC_INVOKE, 'call', method, input);
    if (typeof answer === 'object' && answer !== null && 'transportError' in answer) {
      // Network failure or a head-office fault: the renderer's transport turns it into a retry.
      throw new Error(String(answer.transportError));
    }
    // Main validated the call against the contract; the renderer validates the output.
    return answer as Result<Output<M>>;
  },
  async probe() {
    return (await ipcRenderer.invoke(IPC_INVOKE, 'probe')) === true;
  },
  async printToPdf(input: PrintToPdfInput): Promise<PrintToPdfResult> {
    // Main validates the input and answers with a PrintToPdfResult.
    return (await ipcRenderer.invoke(IPC_INVOKE, 'print-to-pdf', input)) as PrintToPdfResult;
  },
  on(listener: (event: BridgeEvent) => void) {
    const handler = (_event: IpcRendererEvent, payload: BridgeEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
} satisfies TourneeBridge;

contextBridge.exposeInMainWorld('tournee', bridge);
