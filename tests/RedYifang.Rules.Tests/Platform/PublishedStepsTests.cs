using RedYifang.Functions.Assessment;
using RedYifang.Functions.ContentSecurity;
using RedYifang.Functions.Evidence;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Messaging;

namespace RedYifang.Rules.Tests.Platform;

/// <summary>
/// The steps issue 17 added to the published contract (docs/events.md) that are decided in code rather than by an aggregate's
/// method: which evidence writes are a step (<see cref="EvidenceEvent.Between"/>) and what they publish without the uploader or
/// the file name, and how a ranking version is named provisional or final.
/// </summary>
public sealed class PublishedStepsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly EvidenceRecord Pending = new()
    {
        Id = "evd_c1-x", OwnerType = OwnerType.Order, OwnerId = "ord_1", ScopePath = ["d1", "s1", "c1"], ChainOrgId = "c1",
        ChainOrgPath = ["d1", "s1", "c1"], UploaderId = "usr_resident", Kind = EvidenceKind.Photo, FileName = "张三家.jpg",
        ContentType = "image/jpeg", Size = 10, UploadSha256 = new string('a', 64), State = EvidenceState.Pending, CreatedAt = T0,
    };

    private static IntegrationEvent Published(IDomainEvent e) =>
        Assert.IsType<IntegrationEvent>(Assert.Single(new EvidenceIntegrationEvents().Translate(e)).Body);

    [Fact]
    public void Evidence_is_sealed_when_its_commit_is_written_and_rejected_or_failed_when_it_leaves_pending_and_nothing_else()
    {
        var committed = Pending with { CommittedAt = T0.AddMinutes(1) };
        var later = T0.AddMinutes(2);

        Assert.Empty(EvidenceEvent.Between(null, Pending, later));                                    // a ticket: nothing received
        Assert.IsType<EvidenceEvent.Sealed>(Assert.Single(EvidenceEvent.Between(Pending, committed, later)));
        Assert.IsType<EvidenceEvent.Sealed>(Assert.Single(EvidenceEvent.Between(null, committed, later)));   // a document upload
        Assert.Empty(EvidenceEvent.Between(committed, committed, later));                             // written again
        foreach (var state in new[] { EvidenceState.Rejected, EvidenceState.Failed })
        {
            var e = Assert.IsType<EvidenceEvent.Rejected>(Assert.Single(
                EvidenceEvent.Between(committed, committed with { State = state, Reason = "x" }, later)));
            Assert.Equal(later, e.At);
        }
        var verified = committed with { State = EvidenceState.Verified, VerifiedAt = later };
        Assert.Empty(EvidenceEvent.Between(committed, verified, later));                              // the chain raises it
        Assert.Empty(EvidenceEvent.Between(verified, verified with { State = EvidenceState.Rejected }, later));
    }

    [Fact]
    public void Evidence_steps_are_published_once_each_without_the_uploader_or_the_file_name()
    {
        var committed = Pending with { CommittedAt = T0.AddMinutes(1) };
        var verified = committed with
        {
            State = EvidenceState.Verified, VerifiedAt = T0.AddMinutes(3), Sha256 = new string('b', 64), ChainSeq = 4, ChainHash = "h4",
        };
        var failed = committed with { State = EvidenceState.Failed, Reason = "processing failed; upload again" };

        var events = new[]
        {
            Published(new EvidenceEvent.Sealed(committed)), Published(new EvidenceEvent.Verified(verified)),
            Published(new EvidenceEvent.Rejected(failed, T0.AddMinutes(5))),
        };

        Assert.Equal(
            ["evd_c1-x-sealed evidence.sealed", "evd_c1-x-verified evidence.verified", "evd_c1-x-failed evidence.rejected"],
            events.Select(e => $"{e.Id} {e.Type}"));
        Assert.Equal([T0.AddMinutes(1), T0.AddMinutes(3), T0.AddMinutes(5)], events.Select(e => e.At));
        Assert.Equal(("failed", "processing failed; upload again"),
            (events[2].Data.GetProperty("state").GetString(), events[2].Data.GetProperty("reason").GetString()));
        Assert.All(events, e =>
        {
            Assert.DoesNotContain("usr_resident", e.Data.GetRawText());
            Assert.DoesNotContain("张三", e.Data.GetRawText());
            Assert.Empty(EventCatalogueDoc.Current.Sections[e.Type].Misfits(System.Text.Json.Nodes.JsonNode.Parse(e.Data.GetRawText())!
                .AsObject()));
        });
    }

    [Fact]
    public void A_photos_screening_is_a_step_when_its_state_changes_to_held_hidden_or_approved_and_only_then()
    {
        var verified = Pending with { CommittedAt = T0, State = EvidenceState.Verified, VerifiedAt = T0.AddMinutes(1) };
        var later = T0.AddMinutes(9);
        EvidenceRecord With(Screening? s) => verified with { Moderation = s };
        IReadOnlyList<EvidenceEvent> Between(Screening? before, Screening? after) =>
            EvidenceEvent.Between(With(before), With(after), later);
        var checking = new Screening(ScreeningState.Checking);
        var review = new Screening(ScreeningState.Pending, ScreeningReason.Review, "21000");
        var risky = new Screening(ScreeningState.Hidden, ScreeningReason.Risky, "20002");
        var approved = risky with { State = ScreeningState.Approved, DecidedBy = "usr_admin", DecidedAt = T0.AddHours(1) };

        Assert.Empty(Between(null, checking));                                                    // sent to WeChat: still shown
        Assert.Empty(Between(checking, Screening.Pass));                                          // passed: shown before and after
        Assert.Empty(Between(null, new Screening(ScreeningState.Unchecked, ScreeningReason.NoOpenId)));
        var held = Assert.IsType<EvidenceEvent.Screened>(Assert.Single(Between(checking, review)));
        Assert.Equal((checking, review, later), (held.Before, held.Screening, held.At));
        Assert.IsType<EvidenceEvent.Screened>(Assert.Single(Between(checking, risky)));
        var decided = Assert.IsType<EvidenceEvent.Screened>(Assert.Single(Between(risky, approved)));
        Assert.Equal(T0.AddHours(1), decided.At);                                                   // the decision's instant
        // The same state again is no step: a verdict applied twice, the same decision repeated, an admin confirming WeChat's hide.
        Assert.Empty(Between(review, review));
        Assert.Empty(Between(approved, approved with { DecidedAt = T0.AddHours(2) }));
        Assert.Empty(Between(risky, risky with { DecidedBy = "usr_admin", DecidedAt = T0.AddHours(2) }));
    }

    [Fact]
    public void A_screening_step_publishes_held_hidden_or_approved_with_who_decided_and_no_uploader()
    {
        var verified = Pending with { CommittedAt = T0, State = EvidenceState.Verified, VerifiedAt = T0.AddMinutes(1) };
        var checking = new Screening(ScreeningState.Checking);
        var review = new Screening(ScreeningState.Pending, ScreeningReason.Review, "21000");
        var risky = new Screening(ScreeningState.Hidden, ScreeningReason.Risky, "20002");
        var approved = risky with { State = ScreeningState.Approved, DecidedBy = "usr_admin", DecidedAt = T0.AddHours(1) };
        var hidden = approved with { State = ScreeningState.Hidden, DecidedAt = T0.AddHours(2) };

        var events = new[]
        {
            Published(new EvidenceEvent.Screened(verified with { Moderation = review }, checking, T0.AddMinutes(5))),
            Published(new EvidenceEvent.Screened(verified with { Moderation = risky }, checking, T0.AddMinutes(6))),
            Published(new EvidenceEvent.Screened(verified with { Moderation = approved }, risky, T0.AddHours(1))),
            Published(new EvidenceEvent.Screened(verified with { Moderation = hidden }, approved, T0.AddHours(2))),
        };

        Assert.Equal(
            [
                "evd_c1-x-pending evidence.held", "evd_c1-x-hidden evidence.hidden",
                $"evd_c1-x-approved-{T0.AddHours(1).ToUnixTimeMilliseconds()} evidence.approved",
                $"evd_c1-x-hidden-{T0.AddHours(2).ToUnixTimeMilliseconds()} evidence.hidden",
            ],
            events.Select(e => $"{e.Id} {e.Type}"));
        Assert.Equal(["wechat", "wechat", "usr_admin", "usr_admin"], events.Select(e => e.Data.GetProperty("decidedBy").GetString()));
        Assert.Equal(("checking", "hidden", "risky", "20002"), (events[1].Data.GetProperty("from").GetString(),
            events[1].Data.GetProperty("state").GetString(), events[1].Data.GetProperty("reason").GetString(),
            events[1].Data.GetProperty("label").GetString()));
        Assert.All(events, e =>
        {
            Assert.DoesNotContain("usr_resident", e.Data.GetRawText());
            Assert.DoesNotContain("张三", e.Data.GetRawText());
            Assert.Empty(EventCatalogueDoc.Current.Sections[e.Type].Misfits(System.Text.Json.Nodes.JsonNode.Parse(e.Data.GetRawText())!
                .AsObject()));
        });
    }

    [Fact]
    public void A_provisional_version_is_named_by_its_content_and_instant_and_the_final_one_by_scope_and_period_alone()
    {
        var meta = new RankingMeta("2026-10", "v1hash", false, T0, "d1", "s1", true, ["g|community|0000|aa", "b|community|0000|bb",
            "g|nonPublicEnterprise|0000|cc"], []);
        IntegrationEvent Of(RankingMeta m) =>
            Assert.IsType<IntegrationEvent>(Assert.Single(new RankingIntegrationEvents().Translate(new RankingPublished(m))).Body);

        var provisional = Of(meta);
        var again = Of(meta with { GeneratedAt = T0.AddDays(2) });                  // the same content published again later
        var final = Of(meta with { Final = true, GeneratedAt = T0.AddDays(20) });

        Assert.Equal(
            [
                $"ranking-s1-2026-10-v1hash-{T0.ToUnixTimeMilliseconds()} ranking.published",
                $"ranking-s1-2026-10-v1hash-{T0.AddDays(2).ToUnixTimeMilliseconds()} ranking.published",
                "ranking-s1-2026-10-final ranking.finalised",
            ],
            new[] { provisional, again, final }.Select(e => $"{e.Id} {e.Type}"));
        Assert.Equal("""{"districtId":"d1","streetId":"s1","period":"2026-10","version":"v1hash","final":false,""" +
            "\"generatedAt\":\"2026-11-02T01:00:00+00:00\",\"peerGroups\":[\"community\",\"nonPublicEnterprise\"]}",
            provisional.Data.GetRawText());
        Assert.Equal("null", Of(meta with { StreetScope = false, ScopeId = "d1" }).Data.GetProperty("streetId").GetRawText());
    }
}
