namespace RedYifang.Functions.Platform.Catalogue;

/// <summary>The fixed service catalogue shared by orders and resources.</summary>
public enum Category
{
    Medical,
    LegalAid,
    Financial,
    ElderlyCare,
    Disability,
    ChildrenEducation,
    CultureSport,
    Environment,
    Employment,
    Repairs,
    Psychological,
    Other,
}
