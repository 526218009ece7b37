import jax
import jax.numpy as jnp

def focal_loss_stable(logits, targets, alpha=0.25, gamma=2.0):
    """Hard labels (0/1); optax.sigmoid_focal_loss also works in log space."""
    x_t = logits * (2 * targets - 1)
    ce = jax.nn.softplus(-x_t)
    modulating = jnp.exp(gamma * jax.nn.log_sigmoid(-x_t))
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return alpha_t * modulating * ce

def focal_loss_naive(logits, targets, alpha=0.25, gamma=2.0):
    p = jax.nn.sigmoid(logits)
    p_t = p * targets + (1 - p) * (1 - targets)
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return -alpha_t * (1 - p_t) ** gamma * jnp.log(p_t)
