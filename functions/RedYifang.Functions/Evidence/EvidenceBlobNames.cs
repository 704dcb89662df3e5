namespace RedYifang.Functions.Evidence;

/// <summary>
/// Where an item's bytes live. In the staging container: <c>uploads/{org}/{id}</c>, the only name a client can write
/// (through its upload URL), which nothing reads but the commit's seal; and <c>sealed/{org}/{id}</c>, the server's copy
/// that commit checks and processing reads. In the evidence container, written once each: <c>{org}/{id}/photo.jpg</c>
/// and <c>{org}/{id}/thumb.jpg</c> for a photo, <c>{org}/{id}/document</c> for a document.
/// </summary>
public static class EvidenceBlobNames
{
    public static string Upload(EvidenceRecord r) => $"uploads/{r.ChainOrgId}/{r.Id}";

    public static string Sealed(EvidenceRecord r) => $"sealed/{r.ChainOrgId}/{r.Id}";

    public static string Photo(EvidenceRecord r) => $"{r.ChainOrgId}/{r.Id}/photo.jpg";

    public static string Thumbnail(EvidenceRecord r) => $"{r.ChainOrgId}/{r.Id}/thumb.jpg";

    public static string Document(EvidenceRecord r) => $"{r.ChainOrgId}/{r.Id}/document";
}
