import torch
from torchvision.ops import sigmoid_focal_loss

logits = torch.tensor({{logits}}, dtype=torch.float64)   # raw scores, no sigmoid
targets = torch.tensor({{targets}}, dtype=torch.float64)  # 1 = object, 0 = background

# reduction defaults to "none": one loss per element. Sum and normalise yourself.
per_anchor = sigmoid_focal_loss(logits, targets, alpha=0.25, gamma=2.0)
num_pos = targets.sum().clamp(min=1)
loss = per_anchor.sum() / num_pos
# exact value for these inputs: {{sumOverPositives}}
# (reduction="mean" would give {{meanWithAlpha}}: divided by all {{count}} elements)
