/**
 * The customer's signature: drawn with a mouse, a finger or a stylus (pointer events) on a
 * canvas, kept as a PNG data URL. "Clear" is a real button (keyboard reachable).
 */
import { useEffect, useRef } from 'react';
import { MAX_SIGNATURE_CHARS } from '../../../shared/domain/order/order.js';
import { Msg } from '../../i18n/Msg.js';

const WIDTH = 480;
const HEIGHT = 160;

export function SignaturePad({
  value,
  onChange,
  disabled,
  labelId,
}: {
  value: string | null;
  onChange: (png: string | null) => void;
  disabled: boolean;
  labelId: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);

  // Shows a stored signature (an order opened again) once.
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || value === null || drawn.current) return;
    const image = new Image();
    image.onload = () => context.drawImage(image, 0, 0, WIDTH, HEIGHT);
    image.src = value;
  }, [value]);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * WIDTH,
      y: ((event.clientY - rect.top) / rect.height) * HEIGHT,
    };
  };

  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext('2d');
    if (disabled || !context) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    context.lineWidth = 2;
    context.lineCap = 'round';
    context.strokeStyle = '#1a1a1a';
    context.beginPath();
    context.moveTo(x, y);
  };
  const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext('2d');
    if (!drawing.current || !context) return;
    const { x, y } = point(event);
    context.lineTo(x, y);
    context.stroke();
  };
  const onPointerUp = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    drawn.current = true;
    const png = event.currentTarget.toDataURL('image/png');
    onChange(png.length <= MAX_SIGNATURE_CHARS ? png : null);
  };
  const clear = () => {
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    drawn.current = true;
    onChange(null);
  };

  return (
    <div className="order-signature">
      <canvas
        ref={canvasRef}
        className="order-signature__canvas"
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={labelId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      />
      <div className="order-signature__actions">
        <span className="muted">
          {value !== null ? <Msg id="orders.signature.signed" /> : <Msg id="orders.signature.help" />}
        </span>
        <button
          type="button"
          className="btn btn--small"
          onClick={clear}
          disabled={disabled || value === null}
        >
          <Msg id="orders.signature.clear" />
        </button>
      </div>
    </div>
  );
}
