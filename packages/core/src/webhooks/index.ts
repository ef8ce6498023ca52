/** Webhook signature verification (WebCrypto) and a framework-free receiver. */
export { SIGNATURE_HEADER, parseSignatureHeader, type SignatureHeader } from './signature-header';
export {
  DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
  computeWebhookSignature,
  timingSafeEqual,
  verifyWebhookSignature,
  type RawBody,
  type VerifyWebhookSignatureOptions,
} from './verify-webhook-signature';
export {
  createWebhookReceiver,
  type WebhookHandleResult,
  type WebhookHeaders,
  type WebhookReceiver,
  type WebhookReceiverOptions,
  type WebhookRequest,
} from './create-webhook-receiver';
