import Segmentation

print(Segmenter().segments(of: "x").count)
