namespace RedYifang.Functions.Evidence;

public enum OwnerType
{
    Order,
    Activity,
    Agreement,
    Org,

    /// <summary>A joint meeting of a street's alliance (联席会议): its minutes (Alliances/MeetingEvidenceOwner.cs).</summary>
    Meeting,
}
