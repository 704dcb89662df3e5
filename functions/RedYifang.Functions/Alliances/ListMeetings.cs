using RedYifang.Functions.Platform.Http;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Alliances;

/// <summary>The alliance's joint meetings, by their time, earliest first.</summary>
public sealed class ListMeetings(AllianceReads reads, AllianceStore alliances)
{
    public async Task<ListPage<MeetingView>> HandleAsync(Caller caller, string id, Paging paging, CancellationToken ct)
    {
        var alliance = await reads.ReadAsync(caller, id, ct);
        var page = await alliances.ListMeetingsAsync(alliance, paging, ct);
        return new ListPage<MeetingView>([.. page.Items.Select(MeetingView.From)], page.ContinuationToken);
    }
}
