namespace RedYifang.Functions.Platform.Console;

/// <summary>The admins' console served at <c>/console/</c> (functions/RedYifang.Console, README "The admins' console").</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>The built console's folder; default <c>console/</c> beside the app's assembly, where the build copies it.</summary>
    public string? Root { get; set; }

    /// <summary>
    /// Whether the app adds the console's own origin to the evidence staging account's CORS rules (once per origin and
    /// process), so a browser may PUT a photo to its upload URL. Locally and in tests only: in Azure the deployment sets
    /// the rule (infra/) and the app's identity may not change the account's properties.
    /// </summary>
    public bool AllowUploadsFromConsoleOrigin { get; set; }
}
