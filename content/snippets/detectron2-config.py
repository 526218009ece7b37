from detectron2.config import get_cfg

cfg = get_cfg()
cfg.MODEL.META_ARCHITECTURE = "RetinaNet"
cfg.MODEL.RETINANET.FOCAL_LOSS_GAMMA = 2.0   # default
cfg.MODEL.RETINANET.FOCAL_LOSS_ALPHA = 0.25  # default
cfg.MODEL.RETINANET.PRIOR_PROB = 0.01        # default: bias of the class logits
