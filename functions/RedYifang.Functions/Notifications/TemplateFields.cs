using System.Text.RegularExpressions;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Notifications;

/// <summary>One keyword of a WeChat template (<c>thing1</c>) and the field of ours it shows.</summary>
public sealed record FieldMapping(string Keyword, string Type, MessageField Field);

/// <summary>
/// A template's field mapping as settings write it: <c>thing1=title;phrase2=state;thing3=note;time4=at</c>, each WeChat keyword
/// (its type and number, as the template in the mini-program's console names it) and the field of ours it shows. A keyword
/// may only show what fits its type (<see cref="Fits"/>); <c>phone_number</c> and <c>name</c> are refused outright: no
/// phone number and no person's name is ever sent.
/// </summary>
public static partial class TemplateFields
{
    /// <summary>The keyword types each field of ours can be sent as, within WeChat's limits (WeChatValues).</summary>
    public static readonly IReadOnlyDictionary<MessageField, string[]> Fits = new Dictionary<MessageField, string[]>
    {
        [MessageField.Title] = ["thing"],
        [MessageField.Note] = ["thing"],
        [MessageField.State] = ["phrase", "thing"],
        [MessageField.Category] = ["phrase", "thing"],
        [MessageField.At] = ["time", "date", "thing"],
        [MessageField.OrderNo] = ["character_string", "thing"],
    };

    /// <summary>The mapping, and what is wrong with it (empty when it is usable).</summary>
    public static (IReadOnlyList<FieldMapping> Fields, IReadOnlyList<string> Errors) Parse(string? text)
    {
        var fields = new List<FieldMapping>();
        var errors = new List<string>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Split('=', StringSplitOptions.TrimEntries) is not [var keyword, var source] || Keyword().Match(keyword) is not
                { Success: true } match)
            {
                errors.Add($"'{part}' is not keyword=field (e.g. thing1=title)");
                continue;
            }
            var type = match.Groups[1].Value;
            if (type is "phone_number" or "name")
            {
                errors.Add($"{keyword}: no phone number or person's name is ever sent");
                continue;
            }
            if (!EnumText.TryParse<MessageField>(source, out var field))
            {
                errors.Add($"{keyword}: '{source}' is none of {string.Join(", ", EnumText.Names<MessageField>())}");
                continue;
            }
            if (!Fits[field].Contains(type))
            {
                errors.Add($"{keyword}: {source} cannot be sent as {type} (it fits {string.Join(", ", Fits[field])})");
                continue;
            }
            if (fields.Any(f => f.Keyword == keyword)) errors.Add($"{keyword} is mapped twice");
            else fields.Add(new FieldMapping(keyword, type, field));
        }
        if (fields.Count == 0 && errors.Count == 0) errors.Add("no keyword is mapped");
        return (fields, errors);
    }

    // thing1, phrase12, character_string4, time3: WeChat's keyword names.
    [GeneratedRegex("^([a-z]+(?:_[a-z]+)*)([1-9][0-9]{0,2})$")]
    private static partial Regex Keyword();
}
