
namespace RedYifang.Functions.Platform.Problems;

/// <summary>A message users read, in Simplified Chinese (the default) and English.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string In(Language language) => language == Language.English ? En : Zh;

    public LocalizedText Format(params object[] args) =>
        new(string.Format(System.Globalization.CultureInfo.InvariantCulture, Zh, args),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, En, args));
}
