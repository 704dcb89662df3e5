
namespace RedYifang.Functions.Assessment;

public enum Direction
{
    Higher,
    Lower,
}
