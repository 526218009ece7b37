from keras import ops

def focal_loss_stable(targets, logits, alpha=0.25, gamma=2.0):
    """Hard labels (0/1). Use as model.compile(loss=focal_loss_stable); then
    divide by the number of positives yourself if you want RetinaNet's normaliser."""
    targets = ops.cast(targets, logits.dtype)
    x_t = logits * (2 * targets - 1)
    ce = ops.softplus(-x_t)
    modulating = ops.exp(gamma * ops.log_sigmoid(-x_t))
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return alpha_t * modulating * ce

def focal_loss_naive(targets, logits, alpha=0.25, gamma=2.0):
    p = ops.sigmoid(logits)
    p_t = p * targets + (1 - p) * (1 - targets)
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return -alpha_t * (1 - p_t) ** gamma * ops.log(p_t)
