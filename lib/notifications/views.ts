// The shape in which notifications leave the service layer.

export type NotificationView = {
  id: string;
  kind: string;
  message: string;
  annotationId: string | null;
  comparisonId: string | null;
  sourceId: string | null;
  createdAt: string;
  readAt: string | null;
};
