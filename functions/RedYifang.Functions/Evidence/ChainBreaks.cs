namespace RedYifang.Functions.Evidence;

/// <summary>Why a chain fails its check.</summary>
public static class ChainBreaks
{
    /// <summary>A record no longer says what its link says (file hash, commit time, chain hash or state).</summary>
    public const string RecordChanged = "record_changed";

    /// <summary>A link names a record that is gone.</summary>
    public const string RecordMissing = "record_missing";

    /// <summary>A link is missing, altered, out of order, the tail was cut, or the chain no longer holds an anchored head.</summary>
    public const string LinkBroken = "link_broken";

    /// <summary>A kept file's bytes differ from the hash its record holds (deep check).</summary>
    public const string BytesChanged = "bytes_changed";

    /// <summary>A kept file is gone (deep check).</summary>
    public const string BytesMissing = "bytes_missing";
}
