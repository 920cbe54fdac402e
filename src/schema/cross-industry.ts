/** The industry id every library accepts without a taxonomy entry: an insight that holds anywhere. */
export const crossIndustry = 'cross-industry';
