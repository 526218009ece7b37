/**
 * The standalone module (/embed/focal-loss.js): the site's own figure
 * elements for any page. Where the server rendered no markup they build their
 * controls and chart in a shadow root and keep their state in attributes.
 * Loading it twice, or on a page of the site itself where the site's own
 * elements are already defined, changes nothing. On a framed page (the
 * offline file as a deck's iframe) the deck keys no control used go to the
 * parent, as from the embed route.
 */
// First: the elements read whether they may build their own markup when they are defined.
import "./use-standalone-markup";
import "../focal-loss-curves";
import "../modulating-factor-curves";
import "../logit-loss-gradient";
import { forwardUnusedKeys } from "../forward-deck-keys";

forwardUnusedKeys();
