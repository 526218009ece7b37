import numpy as np
import keras

logits = np.array({{classLogits}})
one_hot = keras.utils.to_categorical({{classTargets}}, num_classes={{classes}})

# alpha=0.25 multiplies every class (a scalar or one weight per class);
# from_logits defaults to False, so say True for raw scores.
loss_fn = keras.losses.CategoricalFocalCrossentropy(alpha=0.25, gamma=2.0, from_logits=True)
print(loss_fn(one_hot, logits))   # exact value: {{kerasCategoricalMean}}
