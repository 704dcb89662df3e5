
namespace RedYifang.Functions.Platform.Problems;

public enum Language
{
    Chinese,
    English,
}
