using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Platform.Http;

/// <summary>
/// The one place a domain refusal becomes an HTTP status (RFC 9457 problem+json is written by <see cref="HttpPipeline"/>).
/// Each exception type maps to exactly one status; a type missing here is a programming error and fails the
/// rules tier (ProblemStatusTests), not a request.
/// </summary>
public static class ProblemStatus
{
    public static readonly IReadOnlyDictionary<Type, int> Table = new Dictionary<Type, int>
    {
        [typeof(ValidationFailedException)] = 400,
        [typeof(MalformedRequestException)] = 400,
        [typeof(UnauthenticatedException)] = 401,
        [typeof(ForbiddenException)] = 403,
        [typeof(NotFoundException)] = 404,
        [typeof(MethodNotAllowedException)] = 405,
        [typeof(InvalidTransitionException)] = 409,
        [typeof(ConflictException)] = 409,
        [typeof(CapacityExhaustedException)] = 409,
        [typeof(PreconditionFailedException)] = 412,
        [typeof(PayloadTooLargeException)] = 413,
        [typeof(UnsupportedMediaTypeException)] = 415,
        [typeof(RuleViolationException)] = 422,
        [typeof(TooManyRequestsException)] = 429,
        [typeof(UpstreamFailedException)] = 502,
        [typeof(UnavailableException)] = 503,
    };

    public static int Of(DomainException exception) =>
        Table.TryGetValue(exception.GetType(), out var status)
            ? status
            : throw new InvalidOperationException($"No status for {exception.GetType().Name}: add it to ProblemStatus.Table.");
}
