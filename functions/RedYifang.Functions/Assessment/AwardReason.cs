namespace RedYifang.Functions.Assessment;

/// <summary>Why a unit or volunteer team is not eligible for 先进党组织 / 文明单位 in a year (<see cref="AwardRules"/>).</summary>
public enum AwardReason
{
    /// <summary>No co-building participation in the year (<see cref="Totals.Participated"/>).</summary>
    NoCoBuildingParticipation,

    /// <summary>Its street gave no opinion of it in any evaluation window of the year that has closed.</summary>
    NoStreetEvaluation,

    /// <summary>It belongs to a community, and the community gave no opinion of it in any closed window of the year.</summary>
    NoCommunityEvaluation,
}
