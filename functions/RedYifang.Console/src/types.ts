export interface HistoryEntry { from: string | null; to: string; by: string | null; at: string; reason: string | null }
export interface Order {
  id: string; communityId: string; gridId: string | null; level: string; title: string; category: string;
  categoryName: string; description: string; beneficiaries: number; urgency: string; preferredFrom: string | null;
  preferredTo: string | null; contactPhone: string | null; ownerId: string; state: string; history: HistoryEntry[];
  claims: { unitId: string; resourceId: string; by: string; at: string }[];
  resourceId: string | null; unitId: string | null;
  agreement: { id: string; resourceId: string; unitId: string; at: string } | null;
  completion: { evidenceIds: string[]; serviceHours: number; beneficiaries: number; at: string } | null;
  rating: { stars: number } | null; createdAt: string; updatedAt: string;
}
export interface Evidence {
  id: string; ownerType: string; ownerId: string; kind: string; fileName: string; contentType: string; size: number;
  state: string; reason: string | null; createdAt: string; url: string | null; thumbnailUrl: string | null;
}
export interface Suggestion {
  resourceId: string; unitId: string; title: string; score: number;
  reasons: { factor: string; weight: number; value: number }[];
}
